package dev.kordon.simulator.generic;

/**
 * What a ClusterNetworkPolicy or (Baseline)AdminNetworkPolicy rule does with the traffic it matches: accept it
 * ({@code Accept} in v1alpha2, {@code Allow} in v1alpha1), deny it, or pass it to the next tier.
 */
enum Action {
    ACCEPT("allow"),
    DENY("deny"),
    PASS("pass");

    private final String outcome;

    Action(String outcome) {
        this.outcome = outcome;
    }

    /** The outcome word of a step that this action decides: {@code allow}, {@code deny} or {@code pass}. */
    String outcome() {
        return outcome;
    }
}
