package dev.kordon.simulator.calico.model;

import java.util.Locale;

/** The direction a policy governs at an endpoint: traffic into it, or out of it. */
public enum Direction {
    INGRESS,
    EGRESS;

    /** {@code ingress} or {@code egress}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
