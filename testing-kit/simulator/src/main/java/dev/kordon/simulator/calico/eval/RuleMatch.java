package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.calico.model.Rule;
import java.util.List;
import java.util.Objects;

/**
 * How a rule fared against a flow: every criterion the rule sets, whether it held, and why.
 *
 * @param rule     the rule
 * @param criteria its criteria, in Calico's order (IP version, protocol, ICMP, source, destination, HTTP)
 */
record RuleMatch(Rule rule, List<Criterion> criteria) {

    /** One criterion of a rule and whether the flow meets it. */
    record Criterion(boolean holds, String text) {
        Criterion {
            Objects.requireNonNull(text, "text");
        }
    }

    RuleMatch {
        Objects.requireNonNull(rule, "rule");
        criteria = List.copyOf(criteria);
    }

    /** Whether every criterion holds. */
    boolean matched() {
        return criteria.stream().allMatch(Criterion::holds);
    }

    /** How many criteria fail. */
    long failures() {
        return criteria.stream().filter(criterion -> !criterion.holds()).count();
    }

    /** How many criteria hold. */
    long held() {
        return criteria.size() - failures();
    }

    /** What matched, e.g. {@code protocol TCP, destination port TCP/80 in ports [80]}. */
    String why() {
        List<String> held = criteria.stream().filter(Criterion::holds).map(Criterion::text).toList();
        return held.isEmpty() ? "the rule has no criteria, so every flow matches" : String.join(", ", held);
    }

    /** What did not match. */
    String whyNot() {
        return String.join("; ", criteria.stream().filter(criterion -> !criterion.holds()).map(Criterion::text)
                .toList());
    }
}
