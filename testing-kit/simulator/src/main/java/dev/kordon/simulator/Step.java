package dev.kordon.simulator;

import java.util.Objects;

/**
 * One step of the chain that decided a verdict: which layer, direction and tier looked at the flow, which resource
 * and rule (index from 0, or -1 for a default), what it concluded and why.
 */
public record Step(String layer, String direction, String tier, String resource, int rule, String outcome,
        String reason) {

    public Step {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line: {@code [layer direction tier] resource#rule: outcome - reason}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[").append(layer).append(' ').append(direction);
        if (!tier.isEmpty()) {
            text.append(' ').append(tier);
        }
        text.append("] ");
        if (!resource.isEmpty()) {
            text.append(resource);
            if (rule >= 0) {
                text.append(" rule ").append(rule);
            }
            text.append(": ");
        }
        return text.append(outcome).append(" - ").append(reason).toString();
    }
}
