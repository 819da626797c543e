package dev.kordon.simulator.istio;

import java.util.List;
import java.util.Optional;

/**
 * How one AuthorizationPolicy fared: whether any of its rules matches (UNKNOWN when the best is unknown), and each
 * rule's result.
 *
 * @param policy the policy
 * @param rules  the result of each rule, in order
 */
record PolicyResult(AuthzPolicy policy, List<RuleResult> rules) {

    PolicyResult {
        rules = List.copyOf(rules);
    }

    static PolicyResult of(AuthzPolicy policy, RequestFacts facts, RuleEvaluator evaluator) {
        return new PolicyResult(policy, policy.rules().stream()
                .map(rule -> evaluator.evaluate(rule, policy.action(), facts)).toList());
    }

    /** Whether some rule matches. */
    Tri match() {
        return rules.stream().map(RuleResult::match).reduce(Tri.NO, Tri::or);
    }

    /** The first rule whose result is the policy's result (for YES and UNKNOWN). */
    Optional<RuleResult> deciding() {
        Tri match = match();
        return rules.stream().filter(rule -> rule.match() == match).findFirst();
    }
}
