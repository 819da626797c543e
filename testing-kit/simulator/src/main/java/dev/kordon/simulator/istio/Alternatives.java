package dev.kordon.simulator.istio;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Combines the decisions of the connections a flow may make (the client's Service and DestinationRule, or the oldest
 * of disagreeing PeerAuthentications, are not known): when they agree that is the decision; when they differ the
 * outcome depends on what the simulator cannot know, and is AMBIGUOUS.
 */
final class Alternatives {

    private Alternatives() {
    }

    static Decision combine(List<Connection> connections, Map<String, Decision> decisions) {
        List<Decision> distinct = new ArrayList<>(decisions.values());
        Decision first = distinct.get(0);
        if (distinct.stream().allMatch(d -> d.outcome() == first.outcome())) {
            List<Step> steps = new ArrayList<>(first.steps());
            if (connections.size() > 1) {
                steps.add(1, Steps.of("mTLS", "note", "other connections are possible ("
                        + connections.stream().skip(1).map(Connection::summary).distinct()
                                .collect(Collectors.joining(" | ")) + "); they lead to the same outcome"));
            }
            return new Decision(first.outcome(), steps);
        }
        List<Step> steps = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (Map.Entry<String, Decision> entry : decisions.entrySet()) {
            Connection connection = connections.stream().filter(c -> c.key().equals(entry.getKey())).findFirst()
                    .orElseThrow();
            steps.addAll(entry.getValue().steps());
            outcomes.add(entry.getValue().outcome().name().toLowerCase(Locale.ROOT) + " when "
                    + connection.summary());
        }
        steps.add(Steps.of("mTLS", "ambiguous", "the outcome depends on which connection the client makes, which"
                + " the cluster model does not tell (its Services, or the age of disagreeing PeerAuthentications): "
                + String.join(" | ", outcomes)));
        return new Decision(Decision.Outcome.AMBIGUOUS, steps);
    }
}
