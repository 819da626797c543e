package dev.kordon.simulator.istio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Matches one rule against a request: {@code from} (any source), {@code to} (any operation) and {@code when} (every
 * condition). On a TCP connection Istio cannot read HTTP attributes: an ALLOW rule that uses one is skipped (a
 * smaller allow), while DENY, AUDIT and CUSTOM rules drop just those criteria (a wider match).
 */
final class RuleEvaluator {

    /** The result of a group of criteria. */
    private record Part(Tri match, List<String> matched, List<String> failed, List<String> unknown) {
    }

    RuleResult evaluate(AuthzRule rule, Action action, RequestFacts facts) {
        if (!rule.invalid().isEmpty()) {
            return RuleResult.skipped(rule, rule.invalid() + ", so Istio skips the rule");
        }
        boolean tcp = facts.http().isEmpty();
        List<String> httpOnly = criteria(rule).filter(c -> c.attribute().httpOnly()).map(Criterion::describe)
                .distinct().toList();
        if (tcp && !httpOnly.isEmpty() && action == Action.ALLOW) {
            return RuleResult.skipped(rule, "it uses " + String.join(", ", httpOnly) + ", HTTP-only, so on a TCP"
                    + " connection Istio skips this ALLOW rule");
        }
        Part from = any(rule.sources(), facts, tcp);
        Part to = any(rule.operations(), facts, tcp);
        Part when = all(rule.conditions(), facts, tcp);
        List<String> matched = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Part part : List.of(from, to, when)) {
            matched.addAll(part.matched());
            failed.addAll(part.failed());
            unknown.addAll(part.unknown());
        }
        return new RuleResult(rule, from.match().and(to.match()).and(when.match()), "", matched, failed, unknown,
                tcp ? httpOnly : List.of());
    }

    private static Stream<Criterion> criteria(AuthzRule rule) {
        return Stream.of(rule.sources().stream().flatMap(List::stream), rule.operations().stream()
                .flatMap(List::stream), rule.conditions().stream()).flatMap(s -> s);
    }

    /** Any alternative must match; no alternative = any request. Reports the matching or the nearest one. */
    private static Part any(List<List<Criterion>> alternatives, RequestFacts facts, boolean tcp) {
        if (alternatives.isEmpty()) {
            return new Part(Tri.YES, List.of(), List.of(), List.of());
        }
        List<Part> parts = alternatives.stream().map(criteria -> all(criteria, facts, tcp)).toList();
        Tri match = parts.stream().map(Part::match).reduce(Tri.NO, Tri::or);
        Part shown = parts.stream().filter(part -> part.match() == match).max(Comparator
                .comparingInt((Part part) -> part.matched().size()).thenComparingInt(part -> -part.failed().size()))
                .orElse(parts.get(0));
        return new Part(match, shown.matched(), shown.failed(), shown.unknown());
    }

    private static Part all(List<Criterion> criteria, RequestFacts facts, boolean tcp) {
        Tri match = Tri.YES;
        List<String> matched = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Criterion criterion : criteria) {
            if (tcp && criterion.attribute().httpOnly()) {
                continue;
            }
            Tri result = criterion.test(facts);
            match = match.and(result);
            String actual = criterion.attribute().actual(facts, criterion.key());
            switch (result) {
                case YES -> matched.add(criterion.describe() + " matches " + actual);
                case NO -> failed.add(criterion.describe() + " vs " + actual);
                case UNKNOWN -> unknown.add(criterion.describe() + " depends on " + actual);
            }
        }
        return new Part(match, matched, failed, unknown);
    }
}
