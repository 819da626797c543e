package dev.kordon.simulator.reference;

import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Nodes;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Pod;
import java.util.Optional;

/**
 * How the intent model's peers match the endpoints of a cluster ({@link ReferenceSemantics} states the rules): pods,
 * workloads and service accounts match pods on the pod network, nodes every endpoint with a node's address, entities,
 * IP blocks and DNS names what their names say.
 */
final class PeerMatching {

    private final Cluster cluster;

    PeerMatching(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Whether the peer covers the endpoint. */
    boolean matches(Peer peer, Endpoint endpoint) {
        if (peer instanceof Workload) {
            Workload workload = (Workload) peer;
            return pod(endpoint).filter(pod -> pod.namespace().equals(workload.namespace())
                    && workload.selector().matches(pod.labels())).isPresent();
        }
        if (peer instanceof Pods) {
            Pods pods = (Pods) peer;
            return pod(endpoint).filter(pod -> inScope(pods.namespaces(), pod.namespace())
                    && pods.selector().matches(pod.labels())).isPresent();
        }
        if (peer instanceof ServiceAccountRef) {
            ServiceAccountRef account = (ServiceAccountRef) peer;
            return pod(endpoint).filter(pod -> pod.namespace().equals(account.namespace())
                    && pod.serviceAccount().equals(account.name())).isPresent();
        }
        if (peer instanceof Nodes) {
            return endpoint.nodeIn(cluster).filter(node -> ((Nodes) peer).selector().matches(node.labels()))
                    .isPresent();
        }
        if (peer instanceof Entity) {
            return switch ((Entity) peer) {
                case WORLD -> endpoint instanceof Endpoint.External;
                case KUBE_APISERVER -> endpoint instanceof Endpoint.OfNode
                        && ((Endpoint.OfNode) endpoint).node().kubeApiServer();
                case ANYWHERE -> true;
            };
        }
        if (peer instanceof IpBlock) {
            IpBlock block = (IpBlock) peer;
            String ip = endpoint.ip();
            return block.cidr().containsAddress(ip) && block.except().stream().noneMatch(e -> e.containsAddress(ip));
        }
        if (peer instanceof DnsName) {
            return endpoint instanceof Endpoint.External && !((Endpoint.External) endpoint).fqdn().isEmpty()
                    && ((DnsName) peer).matches(((Endpoint.External) endpoint).fqdn());
        }
        throw new IllegalArgumentException("unknown peer " + peer);
    }

    private boolean inScope(NamespaceScope scope, String namespace) {
        if (scope instanceof NamespaceScope.All) {
            return true;
        }
        if (scope instanceof NamespaceScope.Named) {
            return ((NamespaceScope.Named) scope).names().contains(namespace);
        }
        return ((NamespaceScope.Labelled) scope).selector().matches(cluster.namespaceLabels(namespace));
    }

    /** The pod at this endpoint if it is a pod in the model's sense (on the pod network): the one that enforces. */
    static Optional<Pod> pod(Endpoint endpoint) {
        if (endpoint instanceof Endpoint.OfPod && !((Endpoint.OfPod) endpoint).pod().hostNetwork()) {
            return Optional.of(((Endpoint.OfPod) endpoint).pod());
        }
        return Optional.empty();
    }
}
