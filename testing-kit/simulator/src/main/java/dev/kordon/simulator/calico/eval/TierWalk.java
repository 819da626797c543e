package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.Decision.Outcome;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.calico.model.Action;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.Policy;
import dev.kordon.simulator.calico.model.PolicyKind;
import dev.kordon.simulator.calico.model.PolicyStore;
import dev.kordon.simulator.calico.model.Rule;
import dev.kordon.simulator.calico.model.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Calico's decision for one direction at one workload endpoint (backends.md §3.4; Dikastes {@code checkTiers}):
 * tiers in order; a tier applies only if one of its policies selects the endpoint for the direction; within it,
 * policies in order and their rules as written; Allow and Deny decide, Log continues, Pass jumps to the next tier;
 * an applying tier where no rule decided ends in its default action; after the last tier the profiles decide.
 */
final class TierWalk {

    /** The outcome and the steps that led to it. */
    record Result(Outcome outcome, List<Step> steps) {
        Result {
            steps = List.copyOf(steps);
        }
    }

    /** An Allow rule that did not match, kept to explain a denial by default. */
    private record Miss(Policy policy, RuleMatch match) {
    }

    static final String LAYER = "calico";

    private final PolicyStore store;
    private final RuleMatcher matcher = new RuleMatcher();
    private final ProfileWalk profiles;

    TierWalk(PolicyStore store) {
        this.store = store;
        this.profiles = new ProfileWalk(store, matcher);
    }

    /** Whether a policy applies to the endpoint in the direction: it governs it and its subject selects it. */
    static boolean applies(Policy policy, Workload local, Direction direction) {
        return policy.governs(direction) && !policy.hostEndpointsOnly()
                && policy.subject().stream().allMatch(conjunct -> conjunct.matches(local.labels()));
    }

    Result run(List<Policy> inForce, Workload local, FlowView view) {
        List<Step> steps = new ArrayList<>();
        boolean anyTierApplied = false;
        for (Tier tier : store.tiers()) {
            // Step 1: only the tier's policies that select the endpoint for this direction make it apply.
            List<Policy> applying = inForce.stream().filter(policy -> policy.tier().equals(tier.name())
                    && applies(policy, local, view.direction())).sorted(PolicyStore.POLICY_ORDER).toList();
            if (applying.isEmpty()) {
                continue;
            }
            anyTierApplied = true;
            Optional<Outcome> outcome = walk(tier, applying, local, view, steps);
            if (outcome.isPresent()) {
                return new Result(outcome.get(), steps);
            }
        }
        // Step 5: every applying tier passed (or none applied): the endpoint's profiles decide.
        String context = anyTierApplied ? "every tier that applies passed"
                : "no policy selects " + local.pod().id() + " for " + view.direction() + ", so no tier applies";
        return profiles.run(local, view, context, steps);
    }

    /** One tier: a decision, or empty to continue with the next tier. */
    private Optional<Outcome> walk(Tier tier, List<Policy> applying, Workload local, FlowView view,
            List<Step> steps) {
        List<Miss> misses = new ArrayList<>();
        for (int index = 0; index < applying.size(); index++) {
            Policy policy = applying.get(index);
            for (Rule rule : policy.rules(view.direction())) {
                // Step 2: rules in written order; a rule that does not match falls through to the next one.
                RuleMatch match = matcher.match(rule, view);
                if (!match.matched()) {
                    if (rule.action() == Action.ALLOW) {
                        misses.add(new Miss(policy, match));
                    }
                    continue;
                }
                if (rule.action() == Action.LOG) {
                    steps.add(step(view, tier.name(), policy.resource(), rule, "log", rule.label()
                            + " (Log) matches: " + match.why() + "; evaluation continues"));
                    continue;
                }
                // Step 3: the first Allow, Deny or Pass decides (unless ClusterNetworkPolicies tie).
                Optional<String> conflict = conflict(applying, index, rule, view);
                if (conflict.isPresent()) {
                    steps.add(step(view, tier.name(), policy.resource(), rule, "ambiguous", conflict.get()));
                    return Optional.of(Outcome.AMBIGUOUS);
                }
                return decided(tier, policy, rule, match, view, steps);
            }
        }
        // Step 4: an applying tier where no rule decided ends in its default action.
        return endOfTier(tier, applying, local, view, misses, steps);
    }

    private static Optional<Outcome> endOfTier(Tier tier, List<Policy> applying, Workload local, FlowView view,
            List<Miss> misses, List<Step> steps) {
        String selecting = String.join(", ", applying.stream().map(Policy::resource).toList());
        String which = selecting + (applying.size() == 1 ? " selects " : " select ") + local.pod().id() + " for "
                + view.direction() + ", so tier " + tier.name() + " applies";
        if (tier.defaultAction() == Action.PASS) {
            steps.add(new Step(LAYER, view.direction().toString(), tier.name(), tier.resource(), -1, "pass",
                    "no rule matched: " + which + ", and it ends in Pass: evaluation continues with the next tier"));
            return Optional.empty();
        }
        steps.add(new Step(LAYER, view.direction().toString(), tier.name(), tier.resource(), -1, "deny",
                "no rule matched: " + which + ", and it ends in Deny; " + nearestMiss(misses, view.direction())));
        return Optional.of(Outcome.DENY);
    }

    private static Optional<Outcome> decided(Tier tier, Policy policy, Rule rule, RuleMatch match, FlowView view,
            List<Step> steps) {
        String matched = rule.label() + " (" + rule.action() + ") matches: " + match.why();
        return switch (rule.action()) {
            case ALLOW -> {
                steps.add(step(view, tier.name(), policy.resource(), rule, "allow", matched));
                yield Optional.of(Outcome.ALLOW);
            }
            case DENY -> {
                steps.add(step(view, tier.name(), policy.resource(), rule, "deny", matched));
                yield Optional.of(Outcome.DENY);
            }
            default -> {
                steps.add(step(view, tier.name(), policy.resource(), rule, "pass", matched
                        + "; evaluation continues with the next tier"));
                yield Optional.empty();
            }
        };
    }

    /**
     * The Allow rule that came closest (fewest criteria failed, then most held; the first of equals), and what
     * differed.
     */
    private static String nearestMiss(List<Miss> misses, Direction direction) {
        return misses.stream().min(Comparator.<Miss>comparingLong(miss -> miss.match().failures())
                        .thenComparing(miss -> -miss.match().held()))
                .map(miss -> "nearest miss: " + miss.policy().resource() + " " + miss.match().rule().label()
                        + " (Allow): " + miss.match().whyNot())
                .orElse("none of them has an Allow rule for " + direction);
    }

    /**
     * Two ClusterNetworkPolicies of one tier and priority whose first matching rules disagree: the spec leaves their
     * order undefined, so the verdict is ambiguous.
     */
    private Optional<String> conflict(List<Policy> applying, int index, Rule rule, FlowView view) {
        Policy policy = applying.get(index);
        if (policy.kind() != PolicyKind.KUBERNETES_CLUSTER_NETWORK_POLICY) {
            return Optional.empty();
        }
        for (Policy other : applying.subList(index + 1, applying.size())) {
            if (other.kind() != PolicyKind.KUBERNETES_CLUSTER_NETWORK_POLICY || other.order() != policy.order()) {
                continue;
            }
            Optional<Rule> first = other.rules(view.direction()).stream().filter(candidate -> candidate.action()
                    != Action.LOG && matcher.match(candidate, view).matched()).findFirst();
            if (first.isPresent() && first.get().action() != rule.action()) {
                return Optional.of(policy.resource() + " " + rule.label() + " (" + rule.action() + ") and "
                        + other.resource() + " " + first.get().label() + " (" + first.get().action()
                        + ") both match at priority " + (long) policy.order() + " of tier " + policy.tier()
                        + "; the ClusterNetworkPolicy spec leaves their order undefined (Calico applies "
                        + policy.name() + " first, by name)");
            }
        }
        return Optional.empty();
    }

    static Step step(FlowView view, String tier, String resource, Rule rule, String outcome, String reason) {
        return new Step(LAYER, view.direction().toString(), tier, resource, rule.index(), outcome, reason);
    }
}
