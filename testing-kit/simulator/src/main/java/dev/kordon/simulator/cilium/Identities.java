package dev.kordon.simulator.cilium;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives Cilium security identities [CIL-K8SUTIL]: a pod's labels plus {@code io.kubernetes.pod.namespace},
 * {@code io.cilium.k8s.policy.serviceaccount}, {@code io.cilium.k8s.policy.cluster} and one
 * {@code io.cilium.k8s.namespace.labels.<key>} per namespace label; host-network pods and nodes carry the reserved
 * identity of their node ({@code host} on the enforcing endpoint's own node, {@code remote-node} elsewhere, plus
 * {@code kube-apiserver} where it runs); every other address is {@code world}.
 */
final class Identities {

    static final String NAMESPACE = "io.kubernetes.pod.namespace";
    static final String SERVICE_ACCOUNT = "io.cilium.k8s.policy.serviceaccount";
    static final String CLUSTER = "io.cilium.k8s.policy.cluster";
    static final String NAMESPACE_LABELS = "io.cilium.k8s.namespace.labels.";
    /** The cluster name of a single cluster installed with the defaults. */
    static final String CLUSTER_NAME = "default";

    private final Cluster cluster;

    Identities(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The identity of a pod that is a Cilium endpoint (not host-network). */
    Identity ofPod(Pod pod) {
        SortedMap<String, String> labels = new TreeMap<>(pod.labels());
        cluster.namespaceLabels(pod.namespace()).forEach((key, value) -> labels.put(NAMESPACE_LABELS + key, value));
        labels.put(NAMESPACE, pod.namespace());
        labels.put(SERVICE_ACCOUNT, pod.serviceAccount());
        labels.put(CLUSTER, CLUSTER_NAME);
        return new Identity(Identity.Kind.POD, pod.id(), labels, Set.of(), pod.ip(), "", Optional.of(pod));
    }

    /** The identity of a flow's end as an endpoint on {@code localNode} sees it. */
    Identity of(Endpoint endpoint, String localNode) {
        if (endpoint instanceof Endpoint.OfPod ofPod) {
            Pod pod = ofPod.pod();
            return pod.hostNetwork() ? ofNode(pod.node(), pod.ip(), localNode, pod.id() + " (host network)")
                    : ofPod(pod);
        }
        if (endpoint instanceof Endpoint.OfNode ofNode) {
            return ofNode(ofNode.node().name(), ofNode.node().ip(), localNode, "node " + ofNode.node().name());
        }
        Endpoint.External external = (Endpoint.External) endpoint;
        Set<String> reserved = Set.of("world", external.ip().contains(":") ? "world-ipv6" : "world-ipv4");
        String name = external.fqdn().isEmpty() ? "world (" + external.ip() + ")"
                : "world (" + external.fqdn() + " at " + external.ip() + ")";
        return new Identity(Identity.Kind.WORLD, name, Map.of(), reserved, external.ip(), external.fqdn(),
                Optional.empty());
    }

    /** A node's identity; a host-network pod without a node is on the node with its address. */
    private Identity ofNode(String nodeName, String ip, String localNode, String what) {
        Optional<Node> node = nodeName.isEmpty() ? cluster.nodeWithIp(ip) : cluster.node(nodeName);
        String name = node.map(Node::name).orElse(nodeName);
        boolean local = !name.isEmpty() && name.equals(localNode);
        Set<String> reserved = new TreeSet<>();
        reserved.add(local ? "host" : "remote-node");
        boolean apiServer = node.map(Node::kubeApiServer).orElse(false);
        if (apiServer) {
            reserved.add("kube-apiserver");
        }
        String text = (local ? "host" : "remote-node") + (apiServer ? "+kube-apiserver" : "") + " (" + what + ")";
        return new Identity(local ? Identity.Kind.HOST : Identity.Kind.REMOTE_NODE, text, Map.of(), reserved, ip, "",
                Optional.empty());
    }
}
