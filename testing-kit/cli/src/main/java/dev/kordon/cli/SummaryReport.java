package dev.kordon.cli;

import dev.kordon.dsl.PolicySet;
import java.util.List;

/** The text that {@code kordon summary} prints: each set's summary, a blank line after each, then the totals. */
final class SummaryReport {

    private SummaryReport() {
    }

    static String of(List<PolicySet> sets) {
        StringBuilder text = new StringBuilder();
        int intents = 0;
        for (PolicySet set : sets) {
            text.append(set.toString().stripTrailing()).append("\n\n");
            intents += set.intents().size();
        }
        return text.append(count(sets.size(), "policy set")).append(", ").append(count(intents, "intent"))
                .append(", valid\n").toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
