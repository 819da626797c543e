package dev.kordon.simulator.istio;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Istio's authorization decision at a workload's proxy, over the AuthorizationPolicies that apply to it:
 * <ol>
 * <li>a CUSTOM policy that matches sends the request to its extension provider, which may deny it;</li>
 * <li>a DENY policy that matches denies;</li>
 * <li>with no ALLOW policy the request is allowed;</li>
 * <li>an ALLOW policy that matches allows;</li>
 * <li>otherwise it is denied.</li>
 * </ol>
 * AUDIT policies never change the decision; dry-run policies are evaluated and reported, never enforced. The simulator
 * cannot ask a CUSTOM provider: when its answer would decide, the outcome is AMBIGUOUS; so is a decision that hinges
 * on a fact the probe does not give.
 */
final class Authorizer {

    private final RuleEvaluator evaluator = new RuleEvaluator();

    /** The decision for a request to {@code workload}; NOT_ENFORCED when no policy applies. */
    Decision decide(List<AuthzPolicy> applicable, RequestFacts facts, String workload) {
        List<Step> steps = new ArrayList<>();
        if (applicable.isEmpty()) {
            steps.add(Steps.of("", "not enforced", "no AuthorizationPolicy applies to " + workload));
            return new Decision(Decision.Outcome.NOT_ENFORCED, steps);
        }
        List<PolicyResult> enforced = evaluate(applicable, facts, steps);
        // 1. CUSTOM: a matching policy asks its provider, which the simulator cannot ask
        Tri custom = match(enforced, Action.CUSTOM);
        // 2. DENY: a matching policy denies
        Tri deny = match(enforced, Action.DENY);
        if (deny == Tri.YES) {
            steps.add(matching(enforced, Action.DENY, Tri.YES, "deny"));
            return new Decision(Decision.Outcome.DENY, steps);
        }
        // 3. no ALLOW policy: allow; 4. a matching ALLOW policy: allow; 5. otherwise: deny
        Decision.Outcome outcome = allow(enforced, workload, steps);
        if (deny == Tri.UNKNOWN && outcome != Decision.Outcome.DENY) {
            steps.add(matching(enforced, Action.DENY, Tri.UNKNOWN, "ambiguous"));
            outcome = Decision.Outcome.AMBIGUOUS;
        }
        if (custom != Tri.NO && outcome != Decision.Outcome.DENY) {
            steps.add(custom(enforced, custom));
            outcome = Decision.Outcome.AMBIGUOUS;
        }
        return new Decision(outcome, steps);
    }

    /** Evaluates every policy: dry-run and AUDIT ones are reported, the others returned for the decision. */
    private List<PolicyResult> evaluate(List<AuthzPolicy> applicable, RequestFacts facts, List<Step> steps) {
        List<PolicyResult> enforced = new ArrayList<>();
        for (AuthzPolicy policy : applicable) {
            PolicyResult result = PolicyResult.of(policy, facts, evaluator);
            if (policy.dryRun()) {
                dryRun(result).ifPresent(steps::add);
            } else if (policy.action() == Action.AUDIT) {
                audit(result).ifPresent(steps::add);
            } else {
                enforced.add(result);
            }
        }
        return enforced;
    }

    private static Step custom(List<PolicyResult> enforced, Tri custom) {
        PolicyResult policy = enforced.stream().filter(r -> r.policy().action() == Action.CUSTOM
                && r.match() != Tri.NO).findFirst().orElseThrow();
        return Steps.of("CUSTOM", policy.policy().resource(), policy.deciding().map(r -> r.rule().index())
                .orElse(-1), "ambiguous", (custom == Tri.YES ? "matches" : "may match") + ", so the request goes to"
                + " extension provider '" + policy.policy().provider() + "', whose answer decides and which the"
                + " simulator cannot ask");
    }

    private Decision.Outcome allow(List<PolicyResult> enforced, String workload, List<Step> steps) {
        List<PolicyResult> allows = enforced.stream().filter(r -> r.policy().action() == Action.ALLOW).toList();
        if (allows.isEmpty()) {
            steps.add(Steps.of("ALLOW", "allow", "no ALLOW policy applies to " + workload
                    + (match(enforced, Action.DENY) == Tri.NO && enforced.stream()
                            .anyMatch(r -> r.policy().action() == Action.DENY) ? " and no DENY policy matches" : "")));
            return Decision.Outcome.ALLOW;
        }
        Tri allow = match(enforced, Action.ALLOW);
        if (allow == Tri.YES) {
            steps.add(matching(enforced, Action.ALLOW, Tri.YES, "allow"));
            return Decision.Outcome.ALLOW;
        }
        if (allow == Tri.UNKNOWN) {
            steps.add(matching(enforced, Action.ALLOW, Tri.UNKNOWN, "ambiguous"));
            return Decision.Outcome.AMBIGUOUS;
        }
        steps.add(Steps.of("ALLOW", "deny", NearestMiss.explain(allows, workload)));
        return Decision.Outcome.DENY;
    }

    private static Tri match(List<PolicyResult> results, Action action) {
        return results.stream().filter(r -> r.policy().action() == action).map(PolicyResult::match)
                .reduce(Tri.NO, Tri::or);
    }

    /** The step of the first policy of an action whose result is {@code match}. */
    private static Step matching(List<PolicyResult> results, Action action, Tri match, String outcome) {
        PolicyResult result = results.stream().filter(r -> r.policy().action() == action && r.match() == match)
                .findFirst().orElseThrow();
        RuleResult rule = result.deciding().orElseThrow();
        String verb = match == Tri.YES ? "matches" : "may match: the outcome depends on what the probe does not give";
        return Steps.of(action.name(), result.policy().resource(), rule.rule().index(), outcome,
                "rule " + rule.rule().index() + " " + verb + ": " + rule.explain());
    }

    private static Optional<Step> dryRun(PolicyResult result) {
        if (result.match() == Tri.NO && !(result.policy().action() == Action.ALLOW)) {
            return Optional.empty();
        }
        String would = switch (result.policy().action()) {
            case DENY -> result.match() == Tri.NO ? "" : "would deny";
            case ALLOW -> result.match() == Tri.NO ? "would not allow (no rule matches)" : "would allow";
            case AUDIT -> "would audit";
            case CUSTOM -> "would ask provider '" + result.policy().provider() + "'";
        };
        int rule = result.deciding().filter(r -> result.match() != Tri.NO).map(r -> r.rule().index()).orElse(-1);
        return Optional.of(Steps.of(result.policy().action().name(), result.policy().resource(), rule, "dry-run",
                "istio.io/dry-run: evaluated, not enforced; it " + would));
    }

    private static Optional<Step> audit(PolicyResult result) {
        if (result.match() == Tri.NO) {
            return Optional.empty();
        }
        RuleResult rule = result.deciding().orElseThrow();
        return Optional.of(Steps.of("AUDIT", result.policy().resource(), rule.rule().index(), "audit", "rule "
                + rule.rule().index() + " matches: the request is marked for auditing, which does not change the"
                + " decision"));
    }
}
