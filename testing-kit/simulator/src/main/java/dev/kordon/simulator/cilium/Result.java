package dev.kordon.simulator.cilium;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The decision of one direction, and whether an allowed flow went through Cilium's DNS proxy (which is how the
 * source learns the addresses {@code toFQDNs} rules admit).
 *
 * @param decision   the decision with its steps
 * @param dnsProxied whether the flow was allowed through a port rule with DNS rules
 */
record Result(Decision decision, boolean dnsProxied) {

    Result {
        Objects.requireNonNull(decision, "decision");
    }

    /** A result after the given steps and one last step. */
    static Result of(Decision.Outcome outcome, List<Step> before, Step last, boolean dnsProxied) {
        List<Step> steps = new ArrayList<>(before);
        steps.add(last);
        return new Result(new Decision(outcome, steps), dnsProxied);
    }

    /** The reason of the last step. */
    String lastReason() {
        List<Step> steps = decision.steps();
        return steps.isEmpty() ? "" : steps.get(steps.size() - 1).reason();
    }
}
