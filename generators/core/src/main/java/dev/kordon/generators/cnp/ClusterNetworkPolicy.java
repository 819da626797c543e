package dev.kordon.generators.cnp;

import dev.kordon.generators.manifest.KubeSelector;
import dev.kordon.generators.manifest.ObjectMetadata;
import java.util.List;
import java.util.Objects;

/**
 * A {@code policy.networking.k8s.io/v1alpha2} ClusterNetworkPolicy as written (backends.md §2.1), with its parts in
 * the API's field order. Only standard-channel fields exist here; absent fields are {@code null}.
 *
 * @param apiVersion {@value #API_VERSION}
 * @param kind       {@value #KIND}
 * @param metadata   name, labels and annotations (cluster-scoped: no namespace)
 * @param spec       tier, priority, subject and rules
 */
public record ClusterNetworkPolicy(String apiVersion, String kind, ObjectMetadata metadata, Spec spec) {

    /** The API group and version. */
    public static final String API_VERSION = "policy.networking.k8s.io/v1alpha2";
    /** The kind. */
    public static final String KIND = "ClusterNetworkPolicy";

    public ClusterNetworkPolicy {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }

    /** A policy of this API version and kind. */
    public ClusterNetworkPolicy(ObjectMetadata metadata, Spec spec) {
        this(API_VERSION, KIND, metadata, spec);
    }

    /** {@code Admin} or {@code Baseline}; priority 0..1000, lower first; the subject; ingress or egress rules. */
    public record Spec(String tier, int priority, Subject subject, List<IngressRule> ingress,
            List<EgressRule> egress) {
    }

    /** Exactly one of: every pod of the selected namespaces, or the selected pods of the selected namespaces. */
    public record Subject(KubeSelector namespaces, NamespacedPod pods) {
    }

    /** Pods that {@code podSelector} matches in the namespaces that {@code namespaceSelector} matches. */
    public record NamespacedPod(KubeSelector namespaceSelector, KubeSelector podSelector) {
    }

    /** A rule for traffic into the subject: {@code Accept}, {@code Deny} or {@code Pass}; no protocols: all traffic. */
    public record IngressRule(String name, String action, List<IngressPeer> from, List<Protocol> protocols) {
    }

    /** A rule for traffic out of the subject. */
    public record EgressRule(String name, String action, List<EgressPeer> to, List<Protocol> protocols) {
    }

    /** Exactly one of: pods of namespaces, or namespaced pods. */
    public record IngressPeer(KubeSelector namespaces, NamespacedPod pods) {
    }

    /** Exactly one of: pods of namespaces, namespaced pods, or CIDRs (which match cluster addresses too). */
    public record EgressPeer(KubeSelector namespaces, NamespacedPod pods, List<String> networks) {
    }

    /** Exactly one of: a TCP, UDP or SCTP destination port, or a container port name on the destination pod. */
    public record Protocol(ProtocolPort tcp, ProtocolPort udp, ProtocolPort sctp, String destinationNamedPort) {
    }

    /** The destination port of one protocol; required by the API (no "every port" form). */
    public record ProtocolPort(Port destinationPort) {
    }

    /** Exactly one of: a port number, or a range with {@code start < end}. */
    public record Port(Integer number, PortRange range) {
    }

    /** An inclusive port range; the API requires {@code start < end}. */
    public record PortRange(int start, int end) {
        public PortRange {
            if (start < 1 || end > 65535 || start >= end) {
                throw new IllegalArgumentException("port range must satisfy 1 <= start < end <= 65535: " + start + "-"
                        + end);
            }
        }
    }
}
