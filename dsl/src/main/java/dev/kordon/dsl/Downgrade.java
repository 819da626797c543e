package dev.kordon.dsl;

/**
 * A named way in which a target may enforce an intent less precisely than declared, accepted per intent with
 * {@code .accepting(...)}. Generators refuse an intent that a target cannot express exactly unless the intent
 * accepted the downgrade that the target needs; the fidelity report then says what extra or missing access follows.
 *
 * <p>{@code BACKEND.accepts(GET("/api/*")).from(FRONTEND).on(tcp(8080)).accepting(Downgrade.L4_ONLY)}
 */
public enum Downgrade {
    /**
     * HTTP rules and request conditions may be left out where the target cannot enforce them: every request on the
     * intent's ports is then allowed (wider).
     */
    L4_ONLY,
    /**
     * A service account may be matched by the pod labels of the workloads declared with it: pods with those labels
     * but another account are then matched too (wider), and pods with the account that no declared workload selects
     * are not (narrower).
     */
    SERVICE_ACCOUNT_AS_POD_LABELS,
    /**
     * The world may be matched as the CIDRs {@code 0.0.0.0/0} and {@code ::/0}: on implementations that apply CIDRs
     * to cluster traffic this also matches pods and nodes (wider).
     */
    WORLD_AS_ALL_ADDRESSES,
    /**
     * An audit rule may be left out where the target cannot observe without enforcing: nothing is recorded for it;
     * no access changes.
     */
    AUDIT_NOT_RECORDED;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
