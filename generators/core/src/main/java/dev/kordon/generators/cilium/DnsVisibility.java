package dev.kordon.generators.cilium;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Tier;
import dev.kordon.dsl.Workload;
import java.util.HashSet;
import java.util.List;

/**
 * What {@code toFQDNs} needs: Cilium learns the addresses behind DNS names only from the DNS answers that its DNS
 * proxy sees for the pod (backends.md §4.4). The proxy sees DNS traffic only on ports that carry a DNS rule.
 *
 * <p>This backend adds no access for it. In a set that allows DNS names, each DNS allow of the set (an application
 * allow at egress on UDP or TCP port 53, such as {@code allowDns(...)}) carries a DNS rule that allows every name, so
 * the verdict on DNS traffic stays what the intent says while the proxy sees it. A set whose DNS-name allows come
 * from pods that no such DNS allow covers is refused: without one, Cilium learns nothing and drops the traffic.
 */
final class DnsVisibility {

    private DnsVisibility() {
    }

    /** Whether the set allows egress to DNS names, so that its DNS allows must go through the DNS proxy. */
    static boolean isNeeded(PolicySet set) {
        return set.intents().stream().anyMatch(DnsVisibility::allowsDnsNames);
    }

    /** Whether the intent is an application allow at egress to a DNS name. */
    static boolean allowsDnsNames(Intent intent) {
        return intent instanceof Connection && isApplicationAllowAtEgress((Connection) intent)
                && ((Connection) intent).destinations().stream().anyMatch(peer -> peer instanceof DnsName);
    }

    /** Whether the connection allows DNS at egress on an exact port 53, which can carry a DNS rule. */
    static boolean isDnsAllow(Connection connection) {
        return isApplicationAllowAtEgress(connection) && !connection.isL7()
                && connection.ports().stream().anyMatch(PortRules::isDns)
                && connection.ports().stream().noneMatch(port -> port instanceof AnyTraffic);
    }

    /** Whether some DNS allow of the set is enforced at every pod of {@code source}. */
    static boolean isCovered(PolicySet set, Peer source) {
        for (Intent intent : set.intents()) {
            if (intent instanceof Connection && isDnsAllow((Connection) intent)
                    && ((Connection) intent).sources().stream().anyMatch(dns -> contains(dns, source))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isApplicationAllowAtEgress(Connection connection) {
        return connection.tier() == Tier.APPLICATION && connection.action() == Action.ALLOW
                && connection.effectiveSides().contains(Direction.EGRESS);
    }

    /** Whether every pod of {@code inner} is a pod of {@code outer}; false when that cannot be known. */
    static boolean contains(Peer outer, Peer inner) {
        if (outer.equals(inner)) {
            return true;
        }
        if (outer instanceof ServiceAccountRef || !outer.isPods() || !inner.isPods()) {
            return false;
        }
        Pods container = asPods(outer);
        if (inner instanceof ServiceAccountRef) {
            return container.selector().matchesAll()
                    && scopeContains(container.namespaces(), namespaceOf((ServiceAccountRef) inner));
        }
        Pods contained = asPods(inner);
        return (container.selector().matchesAll() || container.selector().equals(contained.selector()))
                && scopeContains(container.namespaces(), contained.namespaces());
    }

    private static Pods asPods(Peer peer) {
        return peer instanceof Workload ? ((Workload) peer).asPods() : (Pods) peer;
    }

    private static NamespaceScope namespaceOf(ServiceAccountRef account) {
        return new NamespaceScope.Named(List.of(account.namespace()));
    }

    private static boolean scopeContains(NamespaceScope outer, NamespaceScope inner) {
        if (outer instanceof NamespaceScope.All || outer.equals(inner)) {
            return true;
        }
        return outer instanceof NamespaceScope.Named && inner instanceof NamespaceScope.Named
                && new HashSet<>(((NamespaceScope.Named) outer).names())
                        .containsAll(((NamespaceScope.Named) inner).names());
    }
}
