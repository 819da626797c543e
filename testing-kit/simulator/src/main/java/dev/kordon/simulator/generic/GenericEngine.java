package dev.kordon.simulator.generic;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.engine.Allowances;
import dev.kordon.simulator.engine.CniEngine;
import dev.kordon.simulator.engine.MatrixProbes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The upstream Kubernetes decision procedure for one direction of a flow at one pod: the Admin tier
 * (ClusterNetworkPolicy, AdminNetworkPolicy), then NetworkPolicy, then the Baseline tier (ClusterNetworkPolicy,
 * BaselineAdminNetworkPolicy), then the default, which allows.
 */
final class GenericEngine implements CniEngine {

    private final ClusterTier admin;
    private final NetworkPolicyTier networkPolicies;
    private final ClusterTier baseline;
    private final Cluster cluster;
    private final EnforcementProfile profile;
    private final List<NetworkPolicy> policies;
    private final List<TieredPolicy> tiered;

    GenericEngine(Cluster cluster, EnforcementProfile profile, List<NetworkPolicy> networkPolicies,
            List<TieredPolicy> tiered) {
        this.cluster = cluster;
        this.profile = profile;
        this.policies = List.copyOf(networkPolicies);
        this.tiered = List.copyOf(tiered);
        RuleMatcher rules = new RuleMatcher(new PeerMatcher(cluster, profile));
        this.admin = new ClusterTier(Tier.ADMIN, cluster, tiered, rules);
        this.networkPolicies = new NetworkPolicyTier(cluster, networkPolicies, rules);
        this.baseline = new ClusterTier(Tier.BASELINE, cluster, tiered, rules);
    }

    @Override
    public Decision egress(Flow flow) {
        return decide(Direction.EGRESS, flow.source(), flow.destination(), flow);
    }

    @Override
    public Decision ingress(Flow flow) {
        return decide(Direction.INGRESS, flow.destination(), flow.source(), flow);
    }

    /**
     * Every tier per rule: the Admin tier's rules before the NetworkPolicy tier, whose isolated pods are enforced by
     * their grants, and the Baseline tier's rules after it for the pods no NetworkPolicy isolates.
     */
    @Override
    public Optional<Allowances> allowances(MatrixProbes probes, Allowances.Direction direction) {
        RuleSets sets = new RuleSets(cluster, profile, probes);
        List<Allowances.TierRule> tiers = new TierAllowances(tiered, sets).of(direction);
        return Optional.of(new NetworkPolicyAllowances(cluster, policies, sets).of(direction, tiers));
    }

    private Decision decide(Direction direction, Endpoint subject, Endpoint peer, Flow flow) {
        // 0. Policies apply to pods on the pod network only; a pod cannot block its own traffic.
        if (!(subject instanceof Endpoint.OfPod pod)) {
            return new Decision(Decision.Outcome.NOT_ENFORCED, List.of(new Step(Traffic.LAYER, direction.toString(),
                    "", "", -1, "not enforced", subject + " is not a pod: nothing is enforced at its " + direction)));
        }
        Traffic traffic = new Traffic(direction, pod.pod(), peer, flow);
        if (pod.pod().hostNetwork()) {
            return new Decision(Decision.Outcome.NOT_ENFORCED, List.of(traffic.step("", "", -1, "not enforced",
                    pod + " uses the host network: its traffic is node traffic, which neither NetworkPolicy nor"
                    + " cluster-wide policies select as a subject")));
        }
        if (peer instanceof Endpoint.OfPod other && other.pod().id().equals(pod.pod().id())) {
            return new Decision(Decision.Outcome.ALLOW, List.of(traffic.step("", "", -1, "allow",
                    "a pod's traffic to itself is never blocked")));
        }
        return tiers(traffic);
    }

    private Decision tiers(Traffic traffic) {
        List<Step> steps = new ArrayList<>();
        // 1. Admin tier: Accept and Deny are final, Pass goes on to the NetworkPolicy tier.
        TierResult adminResult = admin.decide(traffic);
        steps.addAll(adminResult.steps());
        if (adminResult.isFinal()) {
            return decision(adminResult, steps);
        }
        // 2. NetworkPolicy tier: a pod isolated in this direction gets the NetworkPolicy verdict, final.
        TierResult isolation = networkPolicies.decide(traffic);
        steps.addAll(isolation.steps());
        if (isolation.isFinal()) {
            return decision(isolation, steps);
        }
        // 3. Baseline tier: Accept and Deny are final, Pass goes on to the default.
        TierResult baselineResult = baseline.decide(traffic);
        steps.addAll(baselineResult.steps());
        if (baselineResult.isFinal()) {
            return decision(baselineResult, steps);
        }
        // 4. Default: Kubernetes allows what no tier decided; with no policy at all, nothing is enforced.
        if (!adminResult.applied() && !baselineResult.applied()) {
            return new Decision(Decision.Outcome.NOT_ENFORCED, steps);
        }
        steps.add(traffic.step("", "", -1, "allow", "no tier decided traffic " + traffic.seen()
                + ": Kubernetes allows it by default"));
        return new Decision(Decision.Outcome.ALLOW, steps);
    }

    private static Decision decision(TierResult result, List<Step> steps) {
        Decision.Outcome outcome = switch (result.kind()) {
            case ALLOW -> Decision.Outcome.ALLOW;
            case DENY -> Decision.Outcome.DENY;
            default -> Decision.Outcome.AMBIGUOUS;
        };
        return new Decision(outcome, steps);
    }
}
