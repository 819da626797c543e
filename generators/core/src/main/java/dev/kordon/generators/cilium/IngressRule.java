package dev.kordon.generators.cilium;

import dev.kordon.generators.manifest.KubeSelector;
import java.util.List;

/**
 * One {@code ingress} or {@code ingressDeny} rule: at most one kind of peer (Cilium rejects two in one rule), and the
 * ports. A rule with no field at all is {@code {}}: it selects nothing but makes the subject default deny.
 *
 * @param fromEndpoints pods by identity labels
 * @param fromCIDRSet   addresses outside the cluster
 * @param fromEntities  named peers such as {@code world}
 * @param toPorts       the ports (and HTTP rules); absent means every protocol and port
 */
public record IngressRule(List<KubeSelector> fromEndpoints, List<CidrRule> fromCIDRSet, List<CiliumEntity> fromEntities,
        List<PortRule> toPorts) {

    public IngressRule {
        fromEndpoints = Lists.orNull(fromEndpoints);
        fromCIDRSet = Lists.orNull(fromCIDRSet);
        fromEntities = Lists.orNull(fromEntities);
        toPorts = Lists.orNull(toPorts);
    }

    /** The rule {@code {}}: no peer, so nothing is allowed, but the subject becomes default deny. */
    static IngressRule isolating() {
        return new IngressRule(null, null, null, null);
    }

    /** The rule for one kind of peer, on the given ports. */
    static IngressRule of(PeerGroup peers, List<PortRule> toPorts) {
        return new IngressRule(peers.endpoints(), peers.cidrs(), peers.entities(), toPorts);
    }
}
