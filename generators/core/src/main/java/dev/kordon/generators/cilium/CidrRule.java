package dev.kordon.generators.cilium;

import java.util.List;
import java.util.Objects;

/**
 * A {@code fromCIDRSet}/{@code toCIDRSet} entry. Cilium matches it only against addresses outside the cluster: never
 * pods, the local host or other nodes.
 *
 * @param cidr   the block
 * @param except smaller blocks inside it that are left out; absent when none
 */
public record CidrRule(String cidr, List<String> except) {

    public CidrRule {
        Objects.requireNonNull(cidr, "cidr");
        except = Lists.orNull(except);
    }
}
