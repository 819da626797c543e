package dev.kordon.simulator.cilium;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names the allow rule that came closest to admitting a denied flow: the one that matched the most of its peer and
 * port criteria, then the one with the fewest differences (labels, ports), then the first in policy order; with what
 * matched and what differed.
 */
final class NearestMiss {

    private NearestMiss() {
    }

    static String explain(Map<PolicyEntry, EntryMatcher.Match> matches) {
        PolicyEntry nearest = null;
        int best = -1;
        int fewest = Integer.MAX_VALUE;
        for (Map.Entry<PolicyEntry, EntryMatcher.Match> each : matches.entrySet()) {
            int score = each.getKey().selectsNothing() ? -1 : each.getValue().score();
            int distance = each.getValue().distance();
            if (score > best || (score == best && score >= 0 && distance < fewest)) {
                best = score;
                fewest = distance;
                nearest = each.getKey();
            }
        }
        if (nearest == null) {
            String notes = matches.keySet().stream().map(PolicyEntry::note).filter(note -> !note.isEmpty())
                    .distinct().collect(Collectors.joining("; "));
            return "no selecting rule allows anything (only deny rules, or rules without peers and ports"
                    + (notes.isEmpty() ? "" : ": " + notes) + ")";
        }
        EntryMatcher.Match match = matches.get(nearest);
        return "nearest rule: " + nearest.describe() + ": " + (match.l3().ok() ? "peer matches (" : "peer differs (")
                + match.l3().text() + "), " + (match.l4().ok() ? "port matches (" : "port differs (")
                + match.l4().text() + ")";
    }
}
