package dev.kordon.simulator.generic;

import java.util.Objects;

/**
 * Whether one criterion (a peer, a port list, a whole rule) matches a flow, how close it came, and why.
 *
 * @param ok    whether it matches
 * @param score how many of its parts match, to find the nearest miss (higher is nearer)
 * @param why   what matched, or what differed
 */
record Check(boolean ok, int score, String why) {

    Check {
        Objects.requireNonNull(why, "why");
    }

    /** A match. */
    static Check match(int score, String why) {
        return new Check(true, score, why);
    }

    /** A miss that got {@code score} parts right. */
    static Check miss(int score, String why) {
        return new Check(false, score, why);
    }
}
