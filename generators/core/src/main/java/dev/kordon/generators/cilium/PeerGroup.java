package dev.kordon.generators.cilium;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Nodes;
import dev.kordon.dsl.Peer;
import dev.kordon.generators.manifest.KubeSelector;
import dev.kordon.generators.manifest.Yaml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The peers of one Cilium rule: exactly one kind of them, since Cilium rejects a rule that combines
 * {@code fromEndpoints}, {@code fromCIDRSet}, {@code fromEntities} or {@code toFQDNs}.
 *
 * @param endpoints pods, by identity labels
 * @param cidrs     address blocks outside the cluster
 * @param entities  named peers
 * @param fqdns     DNS names (egress only)
 */
record PeerGroup(List<KubeSelector> endpoints, List<CidrRule> cidrs, List<CiliumEntity> entities,
        List<FqdnSelector> fqdns) {

    PeerGroup {
        endpoints = Lists.orNull(endpoints);
        cidrs = Lists.orNull(cidrs);
        entities = Lists.orNull(entities);
        fqdns = Lists.orNull(fqdns);
        long kinds = Stream.of(endpoints, cidrs, entities, fqdns).filter(Objects::nonNull).count();
        if (kinds != 1) {
            throw new IllegalArgumentException("a Cilium rule has exactly one kind of peer, not " + kinds);
        }
    }

    /**
     * The groups for the peers on the other side of a policy in namespace {@code home} (empty for cluster-wide), one
     * per kind of peer, in a fixed order: pods, CIDRs, entities, DNS names. {@code anywhere()} makes every other peer
     * redundant, so it is written alone as the entity {@code all}.
     */
    static List<PeerGroup> of(List<Peer> peers, String home) {
        if (peers.contains(Entity.ANYWHERE)) {
            return List.of(new PeerGroup(null, null, List.of(CiliumEntity.ALL), null));
        }
        List<KubeSelector> endpoints = new ArrayList<>();
        List<CidrRule> cidrs = new ArrayList<>();
        TreeSet<CiliumEntity> entities = new TreeSet<>(Comparator.comparing(CiliumEntity::value));
        List<FqdnSelector> fqdns = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer.isPods()) {
                endpoints.add(Subject.selector(peer, home));
            } else if (peer instanceof IpBlock) {
                IpBlock block = (IpBlock) peer;
                cidrs.add(new CidrRule(block.cidr().notation(), block.except().stream().map(Cidr::notation).toList()));
            } else if (peer instanceof DnsName) {
                fqdns.add(fqdn((DnsName) peer));
            } else {
                entities.addAll(entities(peer));
            }
        }
        List<PeerGroup> groups = new ArrayList<>();
        if (!endpoints.isEmpty()) {
            groups.add(new PeerGroup(sorted(endpoints), null, null, null));
        }
        if (!cidrs.isEmpty()) {
            groups.add(new PeerGroup(null, sorted(cidrs), null, null));
        }
        if (!entities.isEmpty()) {
            groups.add(new PeerGroup(null, null, List.copyOf(entities), null));
        }
        if (!fqdns.isEmpty()) {
            groups.add(new PeerGroup(null, null, null, sorted(fqdns)));
        }
        return groups;
    }

    /**
     * A DNS name as a {@code toFQDNs} selector. A wildcard {@code *.example.com} covers one or more leading labels
     * but not {@code example.com}: that is Cilium's {@code **.example.com} (1.19 and later), whereas its
     * {@code *.example.com} would cover one label only.
     */
    static FqdnSelector fqdn(DnsName name) {
        return name.isWildcard() ? FqdnSelector.pattern("*" + name.pattern()) : FqdnSelector.name(name.pattern());
    }

    private static List<CiliumEntity> entities(Peer peer) {
        if (peer instanceof Nodes) {
            if (!((Nodes) peer).selector().matchesAll()) {
                throw new IllegalStateException("nodes selected by labels reached the cilium writer: " + peer);
            }
            return List.of(CiliumEntity.HOST, CiliumEntity.REMOTE_NODE);
        }
        if (peer == Entity.KUBE_APISERVER) {
            return List.of(CiliumEntity.KUBE_APISERVER);
        }
        if (peer == Entity.WORLD) {
            return List.of(CiliumEntity.WORLD);
        }
        throw new IllegalStateException("no Cilium entity for " + peer);
    }

    /** The items without duplicates, sorted by their written form (compact JSON), so that the order is stable. */
    private static <T> List<T> sorted(List<T> items) {
        return items.stream().distinct().sorted(Comparator.comparing(item -> Yaml.tree(item).toString())).toList();
    }
}
