package dev.kordon.generators.cilium;

import dev.kordon.generators.manifest.KubeSelector;
import java.util.List;

/**
 * One {@code egress} or {@code egressDeny} rule, in the field order of Cilium's {@code api.EgressRule}: at most one
 * kind of peer, and the ports. A rule with no field at all is {@code {}}: it selects nothing but makes the subject
 * default deny.
 *
 * @param toEndpoints pods by identity labels
 * @param toCIDRSet   addresses outside the cluster
 * @param toEntities  named peers such as {@code world}
 * @param toPorts     the ports (and HTTP or DNS rules); absent means every protocol and port
 * @param toFQDNs     DNS names (allow rules only)
 */
public record EgressRule(List<KubeSelector> toEndpoints, List<CidrRule> toCIDRSet, List<CiliumEntity> toEntities,
        List<PortRule> toPorts, List<FqdnSelector> toFQDNs) {

    public EgressRule {
        toEndpoints = Lists.orNull(toEndpoints);
        toCIDRSet = Lists.orNull(toCIDRSet);
        toEntities = Lists.orNull(toEntities);
        toPorts = Lists.orNull(toPorts);
        toFQDNs = Lists.orNull(toFQDNs);
    }

    /** The rule {@code {}}: no peer, so nothing is allowed, but the subject becomes default deny. */
    static EgressRule isolating() {
        return new EgressRule(null, null, null, null, null);
    }

    /** The rule for one kind of peer, on the given ports. */
    static EgressRule of(PeerGroup peers, List<PortRule> toPorts) {
        return new EgressRule(peers.endpoints(), peers.cidrs(), peers.entities(), toPorts, peers.fqdns());
    }
}
