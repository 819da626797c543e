package dev.kordon.simulator.generic;

import dev.kordon.simulator.Step;
import java.util.List;
import java.util.Objects;

/**
 * What one tier concluded for one direction, and the steps that led there.
 *
 * @param kind  the conclusion
 * @param steps the steps, in order
 */
record TierResult(Kind kind, List<Step> steps) {

    /** What a tier concluded. */
    enum Kind {
        /** The tier allows the traffic: final. */
        ALLOW,
        /** The tier denies the traffic: final. */
        DENY,
        /** Policies of the same tier and priority disagree: the spec leaves it undefined; final (as a denial). */
        AMBIGUOUS,
        /** A rule passed the traffic on to the next tier. */
        PASS,
        /** Policies of the tier apply to the pod, but none of their rules matched. */
        NO_MATCH,
        /** No policy of the tier applies to the pod in this direction. */
        NOT_SELECTED
    }

    TierResult {
        Objects.requireNonNull(kind, "kind");
        steps = List.copyOf(steps);
    }

    /** Whether the tier decided, so that no later tier is consulted. */
    boolean isFinal() {
        return kind == Kind.ALLOW || kind == Kind.DENY || kind == Kind.AMBIGUOUS;
    }

    /** Whether a policy of the tier applied to the pod. */
    boolean applied() {
        return kind != Kind.NOT_SELECTED;
    }
}
