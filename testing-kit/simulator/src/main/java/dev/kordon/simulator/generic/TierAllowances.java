package dev.kordon.simulator.generic;

import dev.kordon.simulator.engine.Allowances;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The Admin and Baseline tiers stated per rule, as {@link ClusterTier} decides them: each rule of each policy, in the
 * order of the tier (priority, then resource name, then the rule's position), for the pods its policy's subject
 * selects, with the peers it names and the connections it matches. A rule that fails closed matches nothing when it
 * accepts and denies everything otherwise.
 */
final class TierAllowances {

    private final List<TieredPolicy> policies;
    private final RuleSets sets;

    TierAllowances(List<TieredPolicy> policies, RuleSets sets) {
        this.policies = List.copyOf(policies);
        this.sets = sets;
    }

    /** The rules of both tiers in a direction: the Admin tier before the NetworkPolicy tier, Baseline after it. */
    List<Allowances.TierRule> of(Allowances.Direction side) {
        Direction direction = side == Allowances.Direction.INGRESS ? Direction.INGRESS : Direction.EGRESS;
        List<Allowances.TierRule> rules = new ArrayList<>();
        tier(Tier.ADMIN, Allowances.Stage.BEFORE, direction, rules);
        tier(Tier.BASELINE, Allowances.Stage.AFTER, direction, rules);
        return rules;
    }

    private void tier(Tier tier, Allowances.Stage stage, Direction direction, List<Allowances.TierRule> rules) {
        List<TieredPolicy> ordered = policies.stream().filter(policy -> policy.tier() == tier)
                .sorted(Comparator.comparingInt(TieredPolicy::priority).thenComparing(TieredPolicy::resource))
                .toList();
        for (int number = 0; number < ordered.size(); number++) {
            TieredPolicy policy = ordered.get(number);
            BitSet selected = sets.subjects(policy.subject());
            if (selected.isEmpty()) {
                continue;
            }
            int[] subjects = selected.stream().toArray();
            for (TieredPolicy.Rule rule : policy.rules(direction)) {
                if (rule.failsClosed()) {
                    // A peer that could not be read: an Accept rule matches nothing, a Deny or Pass rule denies all.
                    if (rule.action() != Action.ACCEPT) {
                        BitSet everyone = new BitSet();
                        everyone.set(0, sets.index().size());
                        rules.add(new Allowances.TierRule(stage, policy.priority(), number, rule.index(),
                                Allowances.Action.DENY, subjects, everyone, sets.probes().everything()));
                    }
                    continue;
                }
                Allowances.Action action = action(rule.action());
                int policyNumber = number;
                sets.parts(rule.peers(), rule.ports(), direction, subjects).forEach(part -> rules.add(
                        new Allowances.TierRule(stage, policy.priority(), policyNumber, rule.index(), action,
                                part.subjects(), part.peers(), part.ports())));
            }
        }
    }

    private static Allowances.Action action(Action action) {
        return switch (action) {
            case ACCEPT -> Allowances.Action.ALLOW;
            case DENY -> Allowances.Action.DENY;
            case PASS -> Allowances.Action.PASS;
        };
    }
}
