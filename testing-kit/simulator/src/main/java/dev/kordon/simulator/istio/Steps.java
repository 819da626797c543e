package dev.kordon.simulator.istio;

import dev.kordon.simulator.Step;

/** Steps of the istio layer: it decides at the destination's proxy, so the direction is always {@code mesh}. */
final class Steps {

    static final String LAYER = "istio";
    static final String DIRECTION = "mesh";

    private Steps() {
    }

    /** A step about the flow as a whole (no resource, no rule). */
    static Step of(String tier, String outcome, String reason) {
        return new Step(LAYER, DIRECTION, tier, "", -1, outcome, reason);
    }

    /** A step about a resource, or one of its rules ({@code rule} -1 for the resource as a whole). */
    static Step of(String tier, String resource, int rule, String outcome, String reason) {
        return new Step(LAYER, DIRECTION, tier, resource, rule, outcome, reason);
    }
}
