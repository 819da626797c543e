package dev.kordon.simulator;

import java.util.List;
import java.util.Objects;

/**
 * What one layer concluded for one direction of a flow, with the steps that led there.
 *
 * @param outcome allow, deny, not enforced here (the layer has nothing to say), or ambiguous (the spec leaves the
 *                case undefined; counted as a denial, and reported)
 * @param steps   the chain of steps, in evaluation order
 */
public record Decision(Outcome outcome, List<Step> steps) {

    /** What a layer concluded. */
    public enum Outcome {
        ALLOW,
        DENY,
        NOT_ENFORCED,
        AMBIGUOUS
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        steps = List.copyOf(steps);
    }

    /** Whether the flow may pass this layer in this direction. */
    public boolean permits() {
        return outcome == Outcome.ALLOW || outcome == Outcome.NOT_ENFORCED;
    }
}
