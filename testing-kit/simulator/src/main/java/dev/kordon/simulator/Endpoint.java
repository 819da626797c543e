package dev.kordon.simulator;

import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import java.util.Objects;

/** One end of a flow: a pod, a node, or an address outside the cluster (possibly reached by a DNS name). */
public sealed interface Endpoint permits Endpoint.OfPod, Endpoint.OfNode, Endpoint.External {

    /** The endpoint's IP address. */
    String ip();

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
