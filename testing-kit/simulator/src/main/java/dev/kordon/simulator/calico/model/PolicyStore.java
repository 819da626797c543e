package dev.kordon.simulator.calico.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the calico engine enforces, parsed: tiers in evaluation order, policies (enforced and staged), network
 * sets and the profiles given as manifests.
 *
 * @param tiers       every tier, built-in ones included, in evaluation order
 * @param policies    every policy, in input order
 * @param networkSets every NetworkSet and GlobalNetworkSet
 * @param profiles    the Profile manifests by name
 */
public record PolicyStore(List<Tier> tiers, List<Policy> policies, List<NetworkSet> networkSets,
        Map<String, Profile> profiles) {

    public PolicyStore {
        tiers = tiers.stream().sorted(Tier.ORDER).toList();
        policies = List.copyOf(policies);
        networkSets = List.copyOf(networkSets);
        profiles = new TreeMap<>(profiles);
    }

    /** The tier with this name. */
    public Optional<Tier> tier(String name) {
        return tiers.stream().filter(tier -> tier.name().equals(name)).findFirst();
    }

    /** Calico's order of policies within a tier: by order (unset last), ties by {@code name/namespace/kind}. */
    public static final Comparator<Policy> POLICY_ORDER = Comparator.comparingDouble(Policy::order)
            .thenComparing(Policy::tieBreak);
}
