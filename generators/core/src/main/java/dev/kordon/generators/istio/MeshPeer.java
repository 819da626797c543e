package dev.kordon.generators.istio;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import java.util.List;
import java.util.Optional;

/**
 * How the mesh names one source peer. The mesh sees the caller's mTLS identity (service account), its namespace or its
 * address, never its pod labels, so some peers can only be matched wider than declared; the CNI layer still enforces
 * the peer exactly at L4.
 *
 * @param peer   the declared peer
 * @param form   which field of an Istio source names it
 * @param values the principals, namespaces or the CIDR; empty when open
 * @param except the CIDR's exceptions (notIpBlocks)
 * @param exact  whether the mesh matches exactly the peer's pods or addresses
 * @param reach  the namespaces whose pods the match may reach; ignored when {@code anywhere}
 * @param anywhere whether the match may reach any pod or address at all
 * @param how    how the mesh matches it, for messages
 */
record MeshPeer(Peer peer, Form form, List<String> values, List<String> except, boolean exact,
        List<String> reach, boolean anywhere, String how) {

    /** The field of an Istio {@code source} that names the peer. */
    enum Form {
        PRINCIPAL,
        NAMESPACE,
        IP_BLOCK,
        /** No source restriction at the mesh. */
        OPEN
    }

    private static final String ANY_IDENTITY = "*";

    MeshPeer {
        values = List.copyOf(values);
        except = List.copyOf(except);
        reach = List.copyOf(reach);
    }

    /** The mesh's view of a source peer. */
    static MeshPeer of(PolicySet set, Peer peer, String trustDomain) {
        if (peer instanceof ServiceAccountRef) {
            ServiceAccountRef account = (ServiceAccountRef) peer;
            return principal(peer, principal(trustDomain, account.namespace(), account.name()), true,
                    account.namespace(), "its principal");
        }
        if (peer instanceof Workload) {
            return workload(set, (Workload) peer, trustDomain);
        }
        if (peer instanceof Pods) {
            return pods((Pods) peer);
        }
        if (peer instanceof IpBlock) {
            IpBlock block = (IpBlock) peer;
            return new MeshPeer(peer, Form.IP_BLOCK, List.of(block.cidr().notation()),
                    block.except().stream().map(Cidr::notation).toList(), true, List.of(), true, "its addresses");
        }
        boolean exact = peer == Entity.ANYWHERE;
        return new MeshPeer(peer, Form.OPEN, List.of(), List.of(), exact, List.of(), true, exact ? "any source"
                : "no source restriction, since the mesh cannot tell " + peer + " by identity or address");
    }

    /**
     * The SPIFFE principal of a service account as Istio writes it: without {@code spiffe://}, which Istio adds itself
     * (a principal written with it would never match), so a trust domain given with it or a trailing slash is trimmed.
     */
    static String principal(String trustDomain, String namespace, String account) {
        String domain = trustDomain.startsWith("spiffe://") ? trustDomain.substring("spiffe://".length()) : trustDomain;
        while (domain.endsWith("/")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return domain + "/ns/" + namespace + "/sa/" + account;
    }

    private static MeshPeer workload(PolicySet set, Workload workload, String trustDomain) {
        String namespace = workload.namespace();
        if (workload.serviceAccount().isEmpty()) {
            return namespace(workload, List.of(namespace), false, "its namespace '" + namespace + "', as "
                    + workload.name() + " declares no service account");
        }
        String account = workload.serviceAccount().get();
        List<String> sharing = set.workloads().stream()
                .filter(other -> !other.equals(workload) && other.namespace().equals(namespace)
                        && other.serviceAccount().filter(account::equals).isPresent())
                .map(Workload::name).sorted().toList();
        String how = sharing.isEmpty() ? "the principal of its service account"
                : "the principal of service account " + namespace + "/" + account + ", which " + String.join(", ", sharing)
                        + " also run" + (sharing.size() == 1 ? "s" : "") + " as";
        return principal(workload, principal(trustDomain, namespace, account), sharing.isEmpty(), namespace, how);
    }

    private static MeshPeer pods(Pods pods) {
        NamespaceScope scope = pods.namespaces();
        boolean all = pods.selector().matchesAll();
        if (scope instanceof NamespaceScope.Named) {
            List<String> names = ((NamespaceScope.Named) scope).names();
            return namespace(pods, names, all, all ? "its namespaces" : "its namespace" + (names.size() == 1 ? " '"
                    + names.get(0) + "'" : "s " + names) + ", as the mesh cannot see pod labels");
        }
        boolean exact = scope instanceof NamespaceScope.All && all;
        return new MeshPeer(pods, Form.PRINCIPAL, List.of(ANY_IDENTITY), List.of(), exact, List.of(), true,
                exact ? "any mTLS identity" : "any mTLS identity, as the mesh cannot see pod or namespace labels");
    }

    private static MeshPeer principal(Peer peer, String principal, boolean exact, String namespace, String how) {
        return new MeshPeer(peer, Form.PRINCIPAL, List.of(principal), List.of(), exact, List.of(namespace), false,
                how);
    }

    private static MeshPeer namespace(Peer peer, List<String> namespaces, boolean exact, String how) {
        return new MeshPeer(peer, Form.NAMESPACE, namespaces, List.of(), exact, namespaces, false, how);
    }

    /**
     * Whether the mesh's match of this peer may also match a pod or address of {@code other}: anything for an open or
     * cluster-wide match; pods of the same namespaces otherwise, except that a principal cannot match pods declared
     * to run as another service account.
     */
    boolean mayReach(Peer other) {
        Optional<List<String>> where = MeshSubjects.namespaces(other);
        if (anywhere || where.isEmpty()) {
            return true;
        }
        if (reach.stream().noneMatch(where.get()::contains)) {
            return false;
        }
        Optional<String> account = account(other);
        return form != Form.PRINCIPAL || account.isEmpty()
                || values.get(0).endsWith("/ns/" + where.get().get(0) + "/sa/" + account.get());
    }

    /** The service account a pod peer is declared to run as, if any. */
    private static Optional<String> account(Peer peer) {
        if (peer instanceof ServiceAccountRef) {
            return Optional.of(((ServiceAccountRef) peer).name());
        }
        return peer instanceof Workload ? ((Workload) peer).serviceAccount() : Optional.empty();
    }
}
