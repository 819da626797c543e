package dev.kordon.simulator.cilium;

import java.util.Locale;

/** The side of a flow an endpoint enforces: ingress at the destination, egress at the source. */
enum Direction {
    INGRESS,
    EGRESS;

    /** {@code ingress} or {@code egress}, as steps and policies name it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
