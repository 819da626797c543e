package dev.kordon.generators.istio;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Nodes;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Tier;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Fidelity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a source that the mesh matches wider than declared harmless. The mesh sees a caller's service account,
 * namespace or address, never its pod labels; the CNI layer below still admits exactly the declared peers at L4.
 * A flow must pass both, so a wider mesh source only matters for a peer that the CNI layer admits to the same
 * destination and port for <em>another</em> intent: that peer would then also get this intent's requests.
 *
 * <p>The rule, for an intent X whose mesh policy matches a source wider than declared:
 * <ul>
 * <li>X is an allow: refused (widened) when some other application allow Y, enforced at ingress, may share a
 * destination and a TCP port with X, has a source that X does not name and that X's wider match may reach (same
 * namespace, or anywhere for non-pod and cluster-wide peers), and X's requests are not within Y's (Y has no HTTP rules
 * and no conditions, or exactly X's);</li>
 * <li>X is a deny: refused (narrowed) under the same overlap, whatever the requests, since it would stop requests that
 * Y allows;</li>
 * <li>X is an audit: never refused, since auditing more changes no verdict.</li>
 * </ul>
 * Only the intents of the same policy set are seen; an allow for the same destination in another set is not.
 */
final class SourceWidening {

    private final PolicySet set;
    private final String trustDomain;

    SourceWidening(PolicySet set, String trustDomain) {
        this.set = set;
        this.trustDomain = trustDomain;
    }

    /** One problem per source of the intent that the mesh matches too widely, naming the intent it would leak into. */
    List<MeshProblem> check(Connection intent, MeshAction action) {
        List<MeshProblem> problems = new ArrayList<>();
        if (action == MeshAction.AUDIT) {
            return problems;
        }
        List<MeshPeer> wide = intent.sources().stream().map(peer -> MeshPeer.of(set, peer, trustDomain))
                .filter(peer -> !peer.exact()).toList();
        for (MeshPeer peer : wide) {
            for (Connection other : others(intent)) {
                if (action == MeshAction.ALLOW && requestsWithin(intent, other)) {
                    continue;
                }
                Peer reached = other.sources().stream().filter(source -> !intent.sources().contains(source))
                        .filter(peer::mayReach).findFirst().orElse(null);
                if (reached != null) {
                    problems.add(problem(intent, action, peer, other, reached));
                    break;
                }
            }
        }
        return problems;
    }

    /** The other application allows at ingress that may share a destination and a TCP port with the intent. */
    private List<Connection> others(Connection intent) {
        return set.connections().stream()
                .filter(other -> !other.name().equals(intent.name()) && other.tier() == Tier.APPLICATION
                        && other.action() == Action.ALLOW && other.effectiveSides().contains(Direction.INGRESS)
                        && anyPair(intent.destinations(), other.destinations())
                        && MeshPorts.tcpMayOverlap(intent.ports(), other.ports()))
                .sorted(Comparator.comparing(Connection::name))
                .toList();
    }

    /** Whether some pod peer of {@code a} and some pod peer of {@code b} may be the same pods. */
    static boolean anyPair(List<Peer> a, List<Peer> b) {
        return a.stream().filter(Peer::isPods)
                .anyMatch(x -> b.stream().filter(Peer::isPods).anyMatch(y -> MeshSubjects.mayOverlap(x, y)));
    }

    /** Whether every request the intent admits is one the other admits too. */
    private static boolean requestsWithin(Connection intent, Connection other) {
        return other.http().isEmpty() && other.conditions().isEmpty()
                || other.http().equals(intent.http()) && other.conditions().equals(intent.conditions());
    }

    private static MeshProblem problem(Connection intent, MeshAction action, MeshPeer peer, Connection other,
            Peer reached) {
        String overlap = "at the mesh, " + peer.peer() + " is matched by " + peer.how() + ", which also matches "
                + reached + " of '" + other.name() + "' on the same destination and port; ";
        String hint = "give the source a service account of its own, declared with .withServiceAccount(...), and"
                + " name it as the source";
        if (action == MeshAction.DENY) {
            return new MeshProblem(feature(peer.peer()), Fidelity.NARROWED, overlap + "this deny would also stop"
                    + " requests that '" + other.name() + "' allows it", hint);
        }
        return new MeshProblem(feature(peer.peer()), Fidelity.WIDENED, overlap + "the CNI layer lets it through for '"
                + other.name() + "', so it would also get this intent's " + requests(intent),
                hint + ", or give '" + other.name() + "' the same HTTP rules and conditions as this intent");
    }

    private static String requests(Connection intent) {
        if (intent.http().isEmpty() && intent.conditions().isEmpty()) {
            return "requests, all of them";
        }
        List<String> parts = new ArrayList<>();
        intent.http().forEach(rule -> parts.add(rule.toString()));
        String text = parts.isEmpty() ? "requests" : "requests " + String.join(" | ", parts);
        List<String> conditions = intent.conditions().stream().map(Object::toString).toList();
        return conditions.isEmpty() ? text : text + " when " + String.join(" & ", conditions);
    }

    private static Feature feature(Peer peer) {
        if (peer instanceof ServiceAccountRef) {
            return Feature.PEER_SERVICE_ACCOUNT;
        }
        if (peer instanceof Pods && ((Pods) peer).namespaces() instanceof NamespaceScope.Labelled) {
            return Feature.PEER_PODS_IN_LABELLED_NAMESPACES;
        }
        if (peer instanceof Nodes) {
            return Feature.PEER_NODES;
        }
        if (peer == Entity.KUBE_APISERVER) {
            return Feature.PEER_KUBE_APISERVER;
        }
        return peer == Entity.WORLD ? Feature.PEER_WORLD : Feature.PEER_PODS;
    }
}
