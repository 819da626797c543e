package dev.kordon.simulator.verify;

import dev.kordon.simulator.Flow;
import java.util.Objects;

/**
 * One expectation of a reachability test file: a flow and whether it must be allowed.
 *
 * @param text     the probe as written, for messages
 * @param flow     the flow
 * @param expected whether it must be allowed
 */
public record Probe(String text, Flow flow, boolean expected) {

    public Probe {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(flow, "flow");
    }
}
