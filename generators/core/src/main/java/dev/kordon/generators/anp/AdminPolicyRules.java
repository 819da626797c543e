package dev.kordon.generators.anp;

import dev.kordon.generators.manifest.KubeSelector;
import java.util.List;

/**
 * The parts that AdminNetworkPolicy and BaselineAdminNetworkPolicy ({@code policy.networking.k8s.io/v1alpha1}) share:
 * subject, rules, peers and ports, in the API's field order. Absent fields are {@code null}; experimental-channel
 * fields (nodes, domainNames, namedPort) are not modelled because they are never written.
 */
public final class AdminPolicyRules {

    private AdminPolicyRules() {
    }

    /** Exactly one of: every pod of the selected namespaces, or the selected pods of the selected namespaces. */
    public record Subject(KubeSelector namespaces, NamespacedPod pods) {
    }

    /** Pods that {@code podSelector} matches in the namespaces that {@code namespaceSelector} matches (both required). */
    public record NamespacedPod(KubeSelector namespaceSelector, KubeSelector podSelector) {
    }

    /** A rule for traffic into the subject; no ports: all traffic. */
    public record IngressRule(String name, String action, List<IngressPeer> from, List<Port> ports) {
    }

    /** A rule for traffic out of the subject; no ports: all traffic. */
    public record EgressRule(String name, String action, List<EgressPeer> to, List<Port> ports) {
    }

    /** Exactly one of: pods of namespaces, or namespaced pods. */
    public record IngressPeer(KubeSelector namespaces, NamespacedPod pods) {
    }

    /** Exactly one of: pods of namespaces, namespaced pods, or CIDRs (which match cluster addresses too). */
    public record EgressPeer(KubeSelector namespaces, NamespacedPod pods, List<String> networks) {
    }

    /** Exactly one of: a port of a protocol, or a port range of a protocol. */
    public record Port(PortNumber portNumber, PortRange portRange) {
    }

    /** One destination port of {@code TCP}, {@code UDP} or {@code SCTP}. */
    public record PortNumber(String protocol, int port) {
    }

    /** An inclusive destination port range; the API requires {@code start < end}. */
    public record PortRange(String protocol, int start, int end) {
        public PortRange {
            if (start < 1 || end > 65535 || start >= end) {
                throw new IllegalArgumentException("port range must satisfy 1 <= start < end <= 65535: " + start + "-"
                        + end);
            }
        }
    }
}
