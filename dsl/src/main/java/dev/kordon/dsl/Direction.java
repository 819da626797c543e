package dev.kordon.dsl;

import java.util.Locale;

/** A direction of enforcement: ingress at the destination pod, or egress at the source pod. */
public enum Direction {
    /** Traffic arriving at a pod, decided at that pod. */
    INGRESS,
    /** Traffic leaving a pod, decided at that pod. */
    EGRESS;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
