package dev.kordon.simulator.istio;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Explains a denial by default: which ALLOW policies apply, that none of their rules matched, and the nearest rule
 * (the one that matched the most criteria, then failed the fewest) with what differed.
 */
final class NearestMiss {

    private NearestMiss() {
    }

    static String explain(List<PolicyResult> allows, String workload) {
        String names = String.join(", ", allows.stream().map(r -> r.policy().resource()).toList());
        StringBuilder text = new StringBuilder("ALLOW policies apply to ").append(workload).append(" (").append(names)
                .append(") and none of their rules matches");
        Optional<PolicyRule> nearest = allows.stream()
                .flatMap(policy -> policy.rules().stream().filter(rule -> !rule.skipped())
                        .map(rule -> new PolicyRule(policy, rule)))
                .max(Comparator.comparingInt((PolicyRule p) -> p.rule().matched().size())
                        .thenComparingInt(p -> -p.rule().failed().size()));
        if (nearest.isPresent()) {
            return text.append("; nearest: rule ").append(nearest.get().rule().rule().index()).append(" of ")
                    .append(nearest.get().policy().policy().resource()).append(": ")
                    .append(nearest.get().rule().explain()).toString();
        }
        Optional<PolicyRule> skipped = allows.stream().flatMap(policy -> policy.rules().stream()
                .map(rule -> new PolicyRule(policy, rule))).findFirst();
        if (skipped.isPresent()) {
            return text.append("; every rule was skipped, e.g. rule ").append(skipped.get().rule().rule().index())
                    .append(" of ").append(skipped.get().policy().policy().resource()).append(": ")
                    .append(skipped.get().rule().skipReason()).toString();
        }
        return text.append("; they have no rules, so they allow nothing").toString();
    }

    private record PolicyRule(PolicyResult policy, RuleResult rule) {
    }
}
