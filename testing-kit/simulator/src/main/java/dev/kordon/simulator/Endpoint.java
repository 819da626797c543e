package dev.kordon.simulator;

import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import java.util.Objects;
import java.util.Optional;

/** One end of a flow: a pod, a node, or an address outside the cluster (possibly reached by a DNS name). */
public sealed interface Endpoint permits Endpoint.OfPod, Endpoint.OfNode, Endpoint.External {

    /** The endpoint's IP address. */
    String ip();

    /**
     * The node whose address this endpoint has: the node itself, the node of a host-network pod (by its address, or
     * the node it runs on), or the node an external address belongs to. Empty for a pod on the pod network and for
     * an address no node has.
     */
    default Optional<Node> nodeIn(Cluster cluster) {
        if (this instanceof OfNode ofNode) {
            return Optional.of(ofNode.node());
        }
        if (this instanceof OfPod ofPod) {
            Pod pod = ofPod.pod();
            return pod.hostNetwork() ? cluster.nodeWithIp(pod.ip()).or(() -> cluster.node(pod.node()))
                    : Optional.empty();
        }
        return cluster.nodeWithIp(ip());
    }

    /** A pod; a host-network pod has its node's address. */
    record OfPod(Pod pod) implements Endpoint {
        public OfPod {
            Objects.requireNonNull(pod, "pod");
        }

        @Override
        public String ip() {
            return pod.ip();
        }

        @Override
        public String toString() {
            return pod.id();
        }
    }

    /** A node of the cluster. */
    record OfNode(Node node) implements Endpoint {
        public OfNode {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String ip() {
            return node.ip();
        }

        @Override
        public String toString() {
            return "node:" + node.name();
        }
    }

    /** An address outside the pod network; {@code fqdn} is the DNS name it was reached by, or empty. */
    record External(String ip, String fqdn) implements Endpoint {
        public External {
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(fqdn, "fqdn");
        }

        @Override
        public String toString() {
            return fqdn.isEmpty() ? "ip:" + ip : "fqdn:" + fqdn + "(" + ip + ")";
        }
    }
}
