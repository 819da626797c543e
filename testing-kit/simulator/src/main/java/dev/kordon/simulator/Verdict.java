package dev.kordon.simulator;

import java.util.List;
import java.util.Objects;

/**
 * Whether a flow is allowed, and the ordered chain of steps of every layer and direction that decided it.
 *
 * @param flow      the flow
 * @param allowed   whether every layer permits it
 * @param ambiguous whether some layer met a case its spec leaves undefined (the flow then counts as denied)
 * @param steps     every step, in the order the layers looked at the flow: egress at the source, ingress at the
 *                  destination, then the mesh
 */
public record Verdict(Flow flow, boolean allowed, boolean ambiguous, List<Step> steps) {

    public Verdict {
        Objects.requireNonNull(flow, "flow");
        steps = List.copyOf(steps);
    }

    /** The flow, the verdict and the chain, one step a line. */
    public String explain() {
        StringBuilder text = new StringBuilder(flow.toString()).append(": ")
                .append(allowed ? "allowed" : ambiguous ? "denied (ambiguous)" : "denied");
        for (Step step : steps) {
            text.append("\n  ").append(step);
        }
        return text.toString();
    }
}
