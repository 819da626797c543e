package dev.kordon.simulator.generic;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.engine.Allowances;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The NetworkPolicy tier stated per rule: a pod isolated in a direction allows what the rules of its isolating
 * policies allow, plus everything to and from its own node; any other pod is not enforced by this tier. The same
 * semantics as {@link NetworkPolicyTier} and {@link RuleMatcher}, computed once per rule for every probe instead of
 * once per flow: a rule's peers are matched as sets, and its ports as one bit per probed port ({@link RuleSets}).
 */
final class NetworkPolicyAllowances {

    private final Cluster cluster;
    private final List<NetworkPolicy> policies;
    private final RuleSets sets;

    NetworkPolicyAllowances(Cluster cluster, List<NetworkPolicy> policies, RuleSets sets) {
        this.cluster = cluster;
        this.policies = policies.stream().sorted(Comparator.comparing(NetworkPolicy::resource)).toList();
        this.sets = sets;
    }

    /** The isolated pods of a direction and their grants. */
    Allowances of(Allowances.Direction side, List<Allowances.TierRule> tiers) {
        Direction direction = side == Allowances.Direction.INGRESS ? Direction.INGRESS : Direction.EGRESS;
        ProbeIndex index = sets.index();
        BitSet enforced = new BitSet();
        List<Allowances.Grant> grants = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            if (!policy.isolates(direction)) {
                continue;
            }
            BitSet selected = index.pods(policy.namespace(), policy.podSelector());
            if (selected.isEmpty()) {
                continue;
            }
            enforced.or(selected);
            int[] subjects = selected.stream().toArray();
            for (NetworkPolicy.Rule rule : policy.rules(direction)) {
                sets.parts(rule.peers(), rule.ports(), direction, subjects).forEach(part -> grants.add(
                        new Allowances.Grant(part.subjects(), part.peers(), part.ports())));
            }
        }
        // Traffic between a pod and its own node is always allowed.
        long[] everything = sets.probes().everything();
        enforced.stream().forEach(subject -> {
            Pod pod = ((Endpoint.OfPod) index.peer(subject)).pod();
            Optional<Node> node = cluster.node(pod.node());
            if (node.isPresent() && !index.withAddress(node.get().ip()).isEmpty()) {
                BitSet peers = new BitSet();
                index.withAddress(node.get().ip()).forEach(peers::set);
                grants.add(new Allowances.Grant(new int[] {subject}, peers, everything));
            }
        });
        return new Allowances(side, enforced, grants, tiers);
    }
}
