package dev.kordon.testing;

import dev.kordon.simulator.Verdict;
import java.util.List;

/** The texts of failed reachability assertions: the flow, the verdict, the chain and the nearest miss. */
final class Messages {

    private Messages() {
    }

    /**
     * {@code Expecting <probe> to be allowed on <target>, but 1 of 2 flows is denied:} followed by each offending
     * flow's explanation (the first few in full).
     */
    static String unexpected(Reachability reachability, Probe probe, boolean expectedAllowed, int flows,
            List<Verdict> wrong) {
        StringBuilder text = new StringBuilder("Expecting ").append(probe).append(" to be ")
                .append(expectedAllowed ? "allowed" : "denied").append(" on ").append(reachability.described())
                .append(", but ").append(flows == 1 ? "it is " + (expectedAllowed ? "denied" : "allowed")
                        : wrong.size() + " of " + flows + " flows " + (wrong.size() == 1 ? "is " : "are ")
                        + (expectedAllowed ? "denied" : "allowed")).append(':');
        appendVerdicts(text, wrong);
        return text.toString();
    }

    static void appendVerdicts(StringBuilder text, List<Verdict> verdicts) {
        for (int i = 0; i < Math.min(ReachabilityAssert.SHOWN, verdicts.size()); i++) {
            text.append("\n  ").append(verdicts.get(i).explain().replace("\n", "\n  "));
        }
        if (verdicts.size() > ReachabilityAssert.SHOWN) {
            text.append("\n  … and ").append(verdicts.size() - ReachabilityAssert.SHOWN).append(" more: ");
            text.append(String.join(", ", verdicts.subList(ReachabilityAssert.SHOWN, verdicts.size()).stream()
                    .map(verdict -> verdict.flow().toString()).toList()));
        }
    }
}
