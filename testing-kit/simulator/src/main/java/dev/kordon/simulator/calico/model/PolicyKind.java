package dev.kordon.simulator.calico.model;

/**
 * Where a policy came from, with the kind Calico keys it by (which breaks ties between policies of equal order) and
 * whether it is staged (evaluated for reporting only, never enforced).
 */
public enum PolicyKind {
    NETWORK_POLICY("NetworkPolicy", false),
    GLOBAL_NETWORK_POLICY("GlobalNetworkPolicy", false),
    KUBERNETES_NETWORK_POLICY("KubernetesNetworkPolicy", false),
    KUBERNETES_CLUSTER_NETWORK_POLICY("KubernetesClusterNetworkPolicy", false),
    STAGED_NETWORK_POLICY("StagedNetworkPolicy", true),
    STAGED_GLOBAL_NETWORK_POLICY("StagedGlobalNetworkPolicy", true),
    STAGED_KUBERNETES_NETWORK_POLICY("StagedKubernetesNetworkPolicy", true);

    private final String calicoKind;
    private final boolean staged;

    PolicyKind(String calicoKind, boolean staged) {
        this.calicoKind = calicoKind;
        this.staged = staged;
    }

    /** The kind in Calico's policy key. */
    public String calicoKind() {
        return calicoKind;
    }

    /** Whether policies of this kind are staged. */
    public boolean staged() {
        return staged;
    }

    /** The enforced kind a staged kind stands in for (itself when not staged). */
    public PolicyKind enforcedCounterpart() {
        return switch (this) {
            case STAGED_NETWORK_POLICY -> NETWORK_POLICY;
            case STAGED_GLOBAL_NETWORK_POLICY -> GLOBAL_NETWORK_POLICY;
            case STAGED_KUBERNETES_NETWORK_POLICY -> KUBERNETES_NETWORK_POLICY;
            default -> this;
        };
    }
}
