package dev.kordon.simulator.generic;

import dev.kordon.simulator.Step;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Admin or Baseline tier: the policies whose subject selects the pod and that have rules in the direction, by
 * priority (lower first); in each, the first matching rule decides: Accept allows, Deny denies, Pass leaves the tier.
 * Policies of equal priority that match with different actions are ambiguous (the spec lets the implementation
 * pick either).
 */
final class ClusterTier {

    private final Tier tier;
    private final Cluster cluster;
    private final List<TieredPolicy> policies;
    private final RuleMatcher rules;

    ClusterTier(Tier tier, Cluster cluster, List<TieredPolicy> policies, RuleMatcher rules) {
        this.tier = tier;
        this.cluster = cluster;
        this.policies = policies.stream().filter(policy -> policy.tier() == tier)
                .sorted(Comparator.comparingInt(TieredPolicy::priority).thenComparing(TieredPolicy::resource))
                .toList();
        this.rules = rules;
    }

    /** The tier's conclusion for the traffic. */
    TierResult decide(Traffic traffic) {
        List<TieredPolicy> inDirection = policies.stream().filter(p -> !p.rules(traffic.direction()).isEmpty())
                .toList();
        List<TieredPolicy> selecting = inDirection.stream().filter(p -> selects(p.subject(), traffic.subject()))
                .toList();
        if (selecting.isEmpty()) {
            List<Step> steps = inDirection.isEmpty() ? List.of() : List.of(traffic.step(tier.toString(), "", -1,
                    "not selected", "no " + tier.written() + "-tier policy with " + traffic.direction() + " rules"
                    + " selects " + traffic.subject() + " (" + inDirection.size() + " in the cluster)"));
            return new TierResult(TierResult.Kind.NOT_SELECTED, steps);
        }
        Map<Integer, List<TieredPolicy>> byPriority = new TreeMap<>(selecting.stream()
                .collect(Collectors.groupingBy(TieredPolicy::priority)));
        List<Step> steps = new ArrayList<>();
        for (List<TieredPolicy> group : byPriority.values()) {
            List<Hit> hits = new ArrayList<>();
            for (TieredPolicy policy : group) {
                firstMatch(policy, traffic, steps).ifPresent(hits::add);
            }
            if (!hits.isEmpty()) {
                return conclude(hits, traffic, steps);
            }
        }
        return new TierResult(TierResult.Kind.NO_MATCH, steps);
    }

    private boolean selects(Subject subject, Pod pod) {
        return subject.namespaces().matches(cluster.namespaceLabels(pod.namespace()))
                && subject.pods().matches(pod.labels());
    }

    /** A policy's first rule that matches: the rule decides for the policy. */
    private Optional<Hit> firstMatch(TieredPolicy policy, Traffic traffic, List<Step> steps) {
        Check nearest = null;
        TieredPolicy.Rule nearestRule = null;
        for (TieredPolicy.Rule rule : policy.rules(traffic.direction())) {
            // A rule with a peer that could not be read fails closed: Accept matches nothing, Deny and Pass deny all.
            if (rule.failsClosed() && rule.action() == Action.ACCEPT) {
                continue;
            }
            if (rule.failsClosed()) {
                steps.add(traffic.step(tier.toString(), policy.resource(), rule.index(), "deny", rule.nameAndAction()
                        + " has a peer this simulator cannot read: it fails closed and denies all traffic"));
                return Optional.of(new Hit(policy, Action.DENY));
            }
            Check check = rules.check(rule.peers(), rule.ports(), traffic);
            if (check.ok()) {
                steps.add(traffic.step(tier.toString(), policy.resource(), rule.index(), rule.action().outcome(),
                        rule.nameAndAction() + " matches: " + check.why() + (rule.action() == Action.PASS
                        ? "; the rest of the " + tier.written() + " tier is skipped" : "")));
                return Optional.of(new Hit(policy, rule.action()));
            }
            if (nearest == null || check.score() > nearest.score()) {
                nearest = check;
                nearestRule = rule;
            }
        }
        steps.add(traffic.step(tier.toString(), policy.resource(), -1, "no match", "its subject " + policy.subject()
                .text() + " selects " + traffic.subject() + ", but none of its " + policy.rules(traffic.direction())
                .size() + " " + traffic.direction() + " rules matches traffic " + traffic.seen() + (nearest == null
                ? "" : "; nearest: " + nearestRule.label() + ": " + nearest.why())));
        return Optional.empty();
    }

    private TierResult conclude(List<Hit> hits, Traffic traffic, List<Step> steps) {
        Set<Action> actions = hits.stream().map(Hit::action).collect(Collectors.toCollection(TreeSet::new));
        if (actions.size() > 1) {
            steps.add(traffic.step(tier.toString(), "", -1, "ambiguous", hits.stream().map(hit -> hit.policy()
                    .resource() + " (" + hit.action().outcome() + ")").collect(Collectors.joining(", "))
                    + " have the same priority " + hits.get(0).policy().priority() + " in the " + tier.written()
                    + " tier and disagree: the spec lets the implementation apply either"));
            return new TierResult(TierResult.Kind.AMBIGUOUS, steps);
        }
        TierResult.Kind kind = switch (actions.iterator().next()) {
            case ACCEPT -> TierResult.Kind.ALLOW;
            case DENY -> TierResult.Kind.DENY;
            case PASS -> TierResult.Kind.PASS;
        };
        return new TierResult(kind, steps);
    }

    /** A policy whose rule matched, and what it does. */
    private record Hit(TieredPolicy policy, Action action) {
    }
}
