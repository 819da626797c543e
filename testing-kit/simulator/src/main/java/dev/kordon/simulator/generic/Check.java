package dev.kordon.simulator.generic;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Whether one criterion (a peer, a port list, a whole rule) matches a flow, how close it came, and why. The reason
 * is written only when it is asked for: most checks of a decision are misses whose text nobody reads.
 */
final class Check {

    private final boolean ok;
    private final int score;
    private Supplier<String> reason;
    private String why;

    private Check(boolean ok, int score, Supplier<String> reason) {
        this.ok = ok;
        this.score = score;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A match. */
    static Check match(int score, String why) {
        Objects.requireNonNull(why, "why");
        return new Check(true, score, () -> why);
    }

    /** A match whose reason is written when it is read. */
    static Check match(int score, Supplier<String> why) {
        return new Check(true, score, why);
    }

    /** A miss that got {@code score} parts right. */
    static Check miss(int score, String why) {
        Objects.requireNonNull(why, "why");
        return new Check(false, score, () -> why);
    }

    /** A miss that got {@code score} parts right, whose reason is written when it is read. */
    static Check miss(int score, Supplier<String> why) {
        return new Check(false, score, why);
    }

    /** Whether it matches. */
    boolean ok() {
        return ok;
    }

    /** How many of its parts match, to find the nearest miss (higher is nearer). */
    int score() {
        return score;
    }

    /** What matched, or what differed. */
    String why() {
        if (why == null) {
            why = Objects.requireNonNull(reason.get(), "why");
            reason = null;
        }
        return why;
    }
}
