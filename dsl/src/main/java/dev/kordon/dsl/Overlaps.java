package dev.kordon.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether two intents could ever match the same flow. Conservative: "may overlap" unless the two are provably
 * disjoint, because an undetected overlap is an ambiguity that some backend resolves silently.
 */
final class Overlaps {

    private Overlaps() {
    }

    static boolean mayOverlap(Connection a, Connection b) {
        Set<Direction> sides = new HashSet<>(a.effectiveSides());
        sides.retainAll(b.effectiveSides());
        return !sides.isEmpty()
                && anyPair(a.sources(), b.sources())
                && anyPair(a.destinations(), b.destinations())
                && a.ports().stream().anyMatch(p -> b.ports().stream().anyMatch(p::mayOverlap));
    }

    private static boolean anyPair(List<Peer> a, List<Peer> b) {
        return a.stream().anyMatch(x -> b.stream().anyMatch(y -> mayOverlap(x, y)));
    }

    static boolean mayOverlap(Peer a, Peer b) {
        if (a.equals(b) || a == Entity.ANYWHERE || b == Entity.ANYWHERE) {
            return true;
        }
        if (a.isPods() && b.isPods()) {
            return podsMayOverlap(a, b);
        }
        if (a instanceof IpBlock && b instanceof IpBlock) {
            return ((IpBlock) a).cidr().overlaps(((IpBlock) b).cidr());
        }
        if (a instanceof DnsName && b instanceof DnsName) {
            return dnsMayOverlap((DnsName) a, (DnsName) b);
        }
        if (a instanceof Nodes && b instanceof Nodes) {
            return Selectors.mayIntersect(((Nodes) a).selector(), ((Nodes) b).selector());
        }
        return !provablyDisjointKinds(a, b) && !provablyDisjointKinds(b, a);
    }

    /** Pairs of different kinds that can never be the same address. */
    private static boolean provablyDisjointKinds(Peer a, Peer b) {
        if (a == Entity.WORLD) {
            return b.isPods() || b instanceof Nodes || b == Entity.KUBE_APISERVER;
        }
        if (a instanceof DnsName) {
            return b.isPods() || b instanceof Nodes;
        }
        if (a instanceof Nodes) {
            return b.isPods();
        }
        return false;
    }

    private static boolean podsMayOverlap(Peer a, Peer b) {
        if (a instanceof ServiceAccountRef && b instanceof ServiceAccountRef) {
            return a.equals(b);
        }
        if (a instanceof ServiceAccountRef || b instanceof ServiceAccountRef) {
            ServiceAccountRef account = (ServiceAccountRef) (a instanceof ServiceAccountRef ? a : b);
            Peer other = a instanceof ServiceAccountRef ? b : a;
            if (other instanceof Workload && ((Workload) other).serviceAccount().isPresent()) {
                Workload workload = (Workload) other;
                return workload.namespace().equals(account.namespace())
                        && workload.serviceAccount().get().equals(account.name());
            }
            return scopesMayOverlap(new NamespaceScope.Named(List.of(account.namespace())), pods(other).namespaces());
        }
        Pods x = pods(a);
        Pods y = pods(b);
        return scopesMayOverlap(x.namespaces(), y.namespaces()) && Selectors.mayIntersect(x.selector(), y.selector());
    }

    private static Pods pods(Peer peer) {
        return peer instanceof Workload ? ((Workload) peer).asPods() : (Pods) peer;
    }

    private static boolean scopesMayOverlap(NamespaceScope a, NamespaceScope b) {
        if (a instanceof NamespaceScope.Named && b instanceof NamespaceScope.Named) {
            Set<String> names = new HashSet<>(((NamespaceScope.Named) a).names());
            names.retainAll(((NamespaceScope.Named) b).names());
            return !names.isEmpty();
        }
        if (a instanceof NamespaceScope.Labelled && b instanceof NamespaceScope.Labelled) {
            return Selectors.mayIntersect(((NamespaceScope.Labelled) a).selector(),
                    ((NamespaceScope.Labelled) b).selector());
        }
        return true;
    }

    private static boolean dnsMayOverlap(DnsName a, DnsName b) {
        if (!a.isWildcard() && !b.isWildcard()) {
            return a.equals(b);
        }
        if (a.isWildcard() && b.isWildcard()) {
            String suffixA = a.pattern().substring(1);
            String suffixB = b.pattern().substring(1);
            return suffixA.endsWith(suffixB) || suffixB.endsWith(suffixA);
        }
        DnsName wildcard = a.isWildcard() ? a : b;
        DnsName exact = a.isWildcard() ? b : a;
        return wildcard.matches(exact.pattern());
    }
}
