package dev.kordon.dsl;

import java.util.Locale;

/** What a rule does with the traffic it matches. */
public enum Action {
    /** Allow the traffic and stop evaluation for this direction. */
    ALLOW,
    /** Deny the traffic and stop evaluation for this direction. */
    DENY,
    /** Skip the rest of this cluster-wide tier and let the next tier decide (Admin and Baseline tiers only). */
    PASS,
    /** Observe the traffic (log or audit) without changing the decision. */
    AUDIT;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
