package dev.kordon.simulator.generic;

import dev.kordon.simulator.Step;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The NetworkPolicy tier: a pod selected by a NetworkPolicy with the direction in its {@code policyTypes} is
 * isolated, and then only the union of those policies' rules is allowed (besides its own node's traffic); a pod no
 * policy isolates is left to the other tiers.
 */
final class NetworkPolicyTier {

    static final String TIER = "networkpolicy";

    private final Cluster cluster;
    private final Map<String, List<NetworkPolicy>> byNamespace;
    private final RuleMatcher rules;

    NetworkPolicyTier(Cluster cluster, List<NetworkPolicy> policies, RuleMatcher rules) {
        this.cluster = cluster;
        this.byNamespace = policies.stream().sorted(Comparator.comparing(NetworkPolicy::resource))
                .collect(Collectors.groupingBy(NetworkPolicy::namespace, HashMap::new, Collectors.toList()));
        this.rules = rules;
    }

    /** The policies of a namespace that select the pod, by resource name. */
    List<NetworkPolicy> selecting(Pod pod) {
        return byNamespace.getOrDefault(pod.namespace(), List.of()).stream()
                .filter(policy -> policy.podSelector().matches(pod.labels())).toList();
    }

    /** The tier's conclusion for the traffic. */
    TierResult decide(Traffic traffic) {
        Pod pod = traffic.subject();
        List<NetworkPolicy> selecting = selecting(pod);
        List<NetworkPolicy> isolating = selecting.stream().filter(policy -> policy.isolates(traffic.direction()))
                .toList();
        // 1. No policy isolates the pod in this direction: this tier has nothing to say.
        if (isolating.isEmpty()) {
            String others = selecting.isEmpty() ? "" : " (" + names(selecting) + " select" + (selecting.size() == 1
                    ? "s" : "") + " it for " + opposite(traffic.direction()) + " only)";
            return new TierResult(TierResult.Kind.NOT_SELECTED, List.of(traffic.step(TIER, "", -1, "not isolated",
                    "no NetworkPolicy isolates " + pod + " for " + traffic.direction() + others)));
        }
        // 2. Traffic between a pod and its own node is always allowed.
        Optional<Node> node = cluster.node(pod.node()).filter(own -> own.ip().equals(traffic.peer().ip()));
        if (node.isPresent()) {
            return new TierResult(TierResult.Kind.ALLOW, List.of(traffic.step(TIER, "", -1, "allow", "traffic "
                    + (traffic.direction() == Direction.INGRESS ? "from" : "to") + " the pod's own node "
                    + node.get().name() + " (" + node.get().ip() + ") is always allowed, even though "
                    + names(isolating) + " isolate" + (isolating.size() == 1 ? "s " : " ") + pod)));
        }
        // 3. The union of the isolating policies' rules: the first rule that matches allows.
        List<RuleCheck> checked = new ArrayList<>();
        for (NetworkPolicy policy : isolating) {
            List<NetworkPolicy.Rule> list = policy.rules(traffic.direction());
            for (int i = 0; i < list.size(); i++) {
                Check check = rules.check(list.get(i).peers(), list.get(i).ports(), traffic);
                if (check.ok()) {
                    return new TierResult(TierResult.Kind.ALLOW, List.of(traffic.step(TIER, policy.resource(), i,
                            "allow", check.why())));
                }
                checked.add(new RuleCheck(policy, i, check));
            }
        }
        // 4. Isolated, and no rule allows: denied.
        return new TierResult(TierResult.Kind.DENY, List.of(denial(traffic, isolating, checked)));
    }

    /** The denial, naming the rule that came nearest to allowing (the first of the highest score). */
    private static Step denial(Traffic traffic, List<NetworkPolicy> isolating, List<RuleCheck> checked) {
        String isolated = traffic.subject() + " is isolated for " + traffic.direction() + " by "
                + isolating.stream().map(NetworkPolicyTier::describe).collect(Collectors.joining(", "));
        RuleCheck nearest = null;
        for (RuleCheck check : checked) {
            if (nearest == null || check.check().score() > nearest.check().score()) {
                nearest = check;
            }
        }
        if (nearest == null) {
            return traffic.step(TIER, isolating.get(0).resource(), -1, "deny", isolated + ", and "
                    + (isolating.size() == 1 ? "it has" : "they have") + " no " + traffic.direction()
                    + " rules: traffic " + traffic.seen() + " is denied");
        }
        return traffic.step(TIER, nearest.policy().resource(), -1, "deny", isolated + ", and no rule allows"
                + " traffic " + traffic.seen() + "; nearest: " + nearest.policy().resource() + " rule "
                + nearest.rule() + ": " + nearest.check().why());
    }

    /** The check of one rule of a policy. */
    private record RuleCheck(NetworkPolicy policy, int rule, Check check) {
    }

    private static String describe(NetworkPolicy policy) {
        if (!policy.policyTypesDefaulted()) {
            return policy.resource();
        }
        return policy.resource() + (policy.isolates(Direction.EGRESS)
                ? " (policyTypes not written: defaulted to [Ingress, Egress], since it has egress rules)"
                : " (policyTypes not written: defaulted to [Ingress])");
    }

    private static String names(List<NetworkPolicy> list) {
        return list.stream().map(NetworkPolicy::resource).collect(Collectors.joining(", "));
    }

    private static Direction opposite(Direction direction) {
        return direction == Direction.INGRESS ? Direction.EGRESS : Direction.INGRESS;
    }
}
