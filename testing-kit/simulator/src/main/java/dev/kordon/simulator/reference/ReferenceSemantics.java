package dev.kordon.simulator.reference;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Condition;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.Nodes;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.Protocol;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Tier;
import dev.kordon.dsl.Workload;
import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.engine.CniEngine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a flow directly from policy sets, by the semantics of the intent model (docs/dsl.md §2), with no backend
 * in between. It is the oracle that the generated manifests, as simulated, are compared with.
 *
 * <p>Per side (egress at the source pod, ingress at the destination pod; a side without a pod is not enforced):
 * admin guardrails by ascending priority (the first matching {@code allow}/{@code deny} decides, {@code pass} goes
 * to the application tier, {@code audit} is recorded), then the application tier (a matching {@code deny} denies;
 * if the pod is isolated in that direction, by an {@link Isolation} naming it or by being the enforcing side of any
 * application-tier {@code allow}, only a matching {@code allow} admits), then baseline guardrails by ascending
 * priority, then allow. The flow passes if both sides allow it.
 *
 * <p>Peers match endpoints as follows. A {@link Workload} or {@link Pods} matches a (non host-network) pod by its
 * namespace (by name, by the namespace's labels, or any) and its labels. A {@link ServiceAccountRef} matches a pod of
 * that namespace that runs as that account. {@link Nodes} match by the node's labels every endpoint with a node's
 * address: the node, a host-network pod on it, an address the node lists ({@link Endpoint#nodeIn}).
 * {@link Entity#WORLD} matches external endpoints (neither pod nor node), {@link Entity#KUBE_APISERVER} nodes marked
 * as running the API server, {@link Entity#ANYWHERE} every endpoint. An {@link IpBlock} matches any endpoint, pods and
 * nodes included, whose address is in the block and in none of its exceptions. A {@link DnsName} matches an external
 * endpoint whose fqdn it matches. A host-network pod is not a pod in the model's sense: it has no enforcing side and
 * is matched only as its node ({@link Nodes}), by address ({@link IpBlock}) and by {@link Entity#ANYWHERE}.
 *
 * <p>A named port matches the destination pod's container port of that name and protocol; at egress only when a pod
 * peer (or {@link Entity#ANYWHERE}) names the destination, not when only an {@link IpBlock} contains its address.
 *
 * <p>An intent with HTTP rules matches only flows that carry an HTTP request matching one of its rules; an intent
 * with conditions only flows whose request carries a JWT satisfying all of them.
 */
public final class ReferenceSemantics {

    /** The layer of every step this class writes. */
    public static final String LAYER = "intent";

    private final PeerMatching peers;
    private final List<Connection> connections;
    private final List<Isolation> isolations;

    private ReferenceSemantics(Cluster cluster, List<PolicySet> sets) {
        this.peers = new PeerMatching(Objects.requireNonNull(cluster, "cluster"));
        List<Connection> allConnections = new ArrayList<>();
        List<Isolation> allIsolations = new ArrayList<>();
        for (PolicySet set : sets) {
            allConnections.addAll(set.connections());
            allIsolations.addAll(set.isolations());
        }
        this.connections = List.copyOf(allConnections);
        this.isolations = List.copyOf(allIsolations);
    }

    /** The semantics of these policy sets on this cluster. */
    public static ReferenceSemantics of(Cluster cluster, Collection<PolicySet> sets) {
        return new ReferenceSemantics(cluster, List.copyOf(sets));
    }

    /** The semantics of these policy sets on this cluster. */
    public static ReferenceSemantics of(Cluster cluster, PolicySet first, PolicySet... more) {
        List<PolicySet> sets = new ArrayList<>();
        sets.add(first);
        sets.addAll(List.of(more));
        return of(cluster, sets);
    }

    /** The verdict on a flow, with one or more steps per side naming the intents that decided it. */
    public Verdict decide(Flow flow) {
        List<Step> steps = new ArrayList<>();
        boolean egress = side(Direction.EGRESS, flow, steps);
        boolean ingress = side(Direction.INGRESS, flow, steps);
        return new Verdict(flow, egress && ingress, false, steps);
    }

    /**
     * These semantics as a CNI engine (egress at the source, ingress at the destination), so that a
     * {@link dev.kordon.simulator.Simulator} built over it, and every analysis that takes one, runs on the intent:
     * {@code Simulator.of(cluster, profile, reference.asEngine(), Optional.empty())}.
     */
    public CniEngine asEngine() {
        return new CniEngine() {
            @Override
            public Decision egress(Flow flow) {
                return decision(Direction.EGRESS, flow);
            }

            @Override
            public Decision ingress(Flow flow) {
                return decision(Direction.INGRESS, flow);
            }
        };
    }

    private Decision decision(Direction direction, Flow flow) {
        List<Step> steps = new ArrayList<>();
        boolean allowed = side(direction, flow, steps);
        return new Decision(allowed ? Decision.Outcome.ALLOW : Decision.Outcome.DENY, steps);
    }

    // ---- one side ----------------------------------------------------------------------------------------------

    private boolean side(Direction direction, Flow flow, List<Step> steps) {
        Endpoint at = direction == Direction.EGRESS ? flow.source() : flow.destination();
        String dir = direction.toString();
        Optional<Pod> subject = PeerMatching.pod(at);
        if (subject.isEmpty()) {
            steps.add(step(dir, "", "", "allow", "not enforced: " + at + " is not a pod"));
            return true;
        }
        Pod pod = subject.get();
        Optional<Boolean> admin = guardrails(Tier.ADMIN, direction, pod, flow, steps);
        if (admin.isPresent()) {
            return admin.get();
        }
        Optional<Boolean> application = application(direction, pod, flow, steps);
        if (application.isPresent()) {
            return application.get();
        }
        Optional<Boolean> baseline = guardrails(Tier.BASELINE, direction, pod, flow, steps);
        if (baseline.isPresent()) {
            return baseline.get();
        }
        steps.add(step(dir, "", "", "allow", "default: no intent decides " + dir + " of " + pod.id()));
        return true;
    }

    private Optional<Boolean> guardrails(Tier tier, Direction direction, Pod pod, Flow flow, List<Step> steps) {
        List<Connection> rules = connections.stream()
                .filter(c -> c.tier() == tier && enforcedOn(c, direction, pod))
                .sorted(Comparator.comparingInt(Connection::priority).thenComparing(Connection::name))
                .toList();
        String dir = direction.toString();
        for (Connection rule : rules) {
            if (!matches(rule, direction, flow)) {
                continue;
            }
            String why = tier + "(" + rule.priority() + ") " + rule.action() + " matches: " + rule.meaning();
            switch (rule.action()) {
                case ALLOW -> {
                    steps.add(step(dir, tier.toString(), rule.name(), "allow", why));
                    return Optional.of(true);
                }
                case DENY -> {
                    steps.add(step(dir, tier.toString(), rule.name(), "deny", why));
                    return Optional.of(false);
                }
                case PASS -> {
                    steps.add(step(dir, tier.toString(), rule.name(), "pass", why));
                    return Optional.empty();
                }
                case AUDIT -> steps.add(step(dir, tier.toString(), rule.name(), "audit", why));
                default -> throw new IllegalStateException("unknown action " + rule.action());
            }
        }
        return Optional.empty();
    }

    private Optional<Boolean> application(Direction direction, Pod pod, Flow flow, List<Step> steps) {
        String dir = direction.toString();
        String tier = Tier.APPLICATION.toString();
        List<Connection> rules = connections.stream()
                .filter(c -> c.tier() == Tier.APPLICATION && enforcedOn(c, direction, pod))
                .sorted(Comparator.comparing(Connection::name))
                .toList();
        for (Connection rule : rules) {
            if (rule.action() == Action.AUDIT && matches(rule, direction, flow)) {
                steps.add(step(dir, tier, rule.name(), "audit", "audit matches: " + rule.meaning()));
            }
        }
        for (Connection rule : rules) {
            if (rule.action() == Action.DENY && matches(rule, direction, flow)) {
                steps.add(step(dir, tier, rule.name(), "deny", "deny matches: " + rule.meaning()));
                return Optional.of(false);
            }
        }
        List<String> isolating = new ArrayList<>();
        for (Isolation isolation : isolations) {
            if (isolation.directions().contains(direction) && anyPodPeer(isolation.subjects(), pod)) {
                isolating.add(isolation.name());
            }
        }
        for (Connection rule : rules) {
            if (rule.action() == Action.ALLOW) {
                isolating.add(rule.name());
            }
        }
        if (isolating.isEmpty()) {
            return Optional.empty();
        }
        for (Connection rule : rules) {
            if (rule.action() == Action.ALLOW && matches(rule, direction, flow)) {
                steps.add(step(dir, tier, rule.name(), "allow", "allow matches: " + rule.meaning()));
                return Optional.of(true);
            }
        }
        steps.add(step(dir, tier, String.join(",", isolating), "deny", pod.id() + " is isolated for " + dir
                + " by " + String.join(", ", isolating) + " and no allow admits the flow"));
        return Optional.of(false);
    }

    // ---- matching ----------------------------------------------------------------------------------------------

    /** Whether the connection is enforced at this pod in this direction: the pod is one of its subjects there. */
    private boolean enforcedOn(Connection connection, Direction direction, Pod pod) {
        if (!connection.effectiveSides().contains(direction)) {
            return false;
        }
        return anyPodPeer(direction == Direction.EGRESS ? connection.sources() : connection.destinations(), pod);
    }

    private boolean anyPodPeer(List<Peer> peers, Pod pod) {
        Endpoint endpoint = new Endpoint.OfPod(pod);
        return peers.stream().anyMatch(peer -> peer.isPods() && matches(peer, endpoint));
    }

    /** Whether the connection, enforced at the given side, matches the flow: peer, port, HTTP, conditions. */
    private boolean matches(Connection connection, Direction direction, Flow flow) {
        Endpoint peer = direction == Direction.EGRESS ? flow.destination() : flow.source();
        List<Peer> peers = direction == Direction.EGRESS ? connection.destinations() : connection.sources();
        if (peers.stream().noneMatch(p -> matches(p, peer))) {
            return false;
        }
        if (!connection.ports().isEmpty() && connection.ports().stream().noneMatch(p -> matches(p, flow)
                && (!(p instanceof NamedPort) || namesPod(direction, peers, peer)))) {
            return false;
        }
        if (!connection.http().isEmpty() && !flow.http().map(r -> matchesAny(connection.http(), r)).orElse(false)) {
            return false;
        }
        return connection.conditions().isEmpty()
                || flow.http().map(r -> connection.conditions().stream().allMatch(c -> holds(c, r))).orElse(false);
    }

    /**
     * Whether a named port may resolve on the peer: it is a port of the destination pod as a pod, so at egress a pod
     * peer (or anywhere()) must name the pod, not only an address it has, as NetworkPolicy and Cilium resolve it (the
     * calico target writes named ports on its pod rules only).
     */
    private boolean namesPod(Direction direction, List<Peer> peers, Endpoint peer) {
        return direction == Direction.INGRESS
                || peers.stream().anyMatch(p -> (p.isPods() || p == Entity.ANYWHERE) && matches(p, peer));
    }

    private static boolean matchesAny(List<HttpRule> rules, HttpRequest request) {
        return rules.stream().anyMatch(rule -> rule.matches(request.method(), request.path(), request.host(),
                request.headers()));
    }

    /** Whether the peer covers the endpoint (see the class comment). */
    public boolean matches(Peer peer, Endpoint endpoint) {
        return peers.matches(peer, endpoint);
    }

    /** Whether the port match covers the flow's transport and port (named ports on the destination pod). */
    public static boolean matches(PortMatch match, Flow flow) {
        if (match instanceof AnyTraffic) {
            return true;
        }
        Optional<Protocol> protocol = protocol(flow.transport());
        if (protocol.isEmpty()) {
            return false;
        }
        int port = flow.port();
        if (match instanceof PortNumber) {
            PortNumber number = (PortNumber) match;
            return number.protocol() == protocol.get() && number.port() == port;
        }
        if (match instanceof PortRange) {
            PortRange range = (PortRange) match;
            return range.protocol() == protocol.get() && range.from() <= port && port <= range.to();
        }
        if (match instanceof AllPorts) {
            return ((AllPorts) match).protocol() == protocol.get();
        }
        NamedPort named = (NamedPort) match;
        return named.protocol() == protocol.get() && PeerMatching.pod(flow.destination())
                .flatMap(pod -> pod.namedPort(named.name(), flow.transport().name()))
                .filter(declared -> declared.port() == port).isPresent();
    }

    private static Optional<Protocol> protocol(Transport transport) {
        return switch (transport) {
            case TCP -> Optional.of(Protocol.TCP);
            case UDP -> Optional.of(Protocol.UDP);
            case SCTP -> Optional.of(Protocol.SCTP);
            default -> Optional.empty();
        };
    }

    /** Whether a condition holds for the request: it needs a JWT. */
    public static boolean holds(Condition condition, HttpRequest request) {
        Optional<HttpRequest.Jwt> jwt = request.jwt();
        if (jwt.isEmpty()) {
            return false;
        }
        if (condition instanceof Condition.RequestPrincipal) {
            return ((Condition.RequestPrincipal) condition).patterns().stream()
                    .anyMatch(pattern -> principalMatches(pattern, jwt.get().issuer(), jwt.get().subject()));
        }
        Condition.JwtClaim claim = (Condition.JwtClaim) condition;
        Optional<Object> value = jwt.get().claim(claim.path());
        if (value.isEmpty()) {
            return false;
        }
        if (value.get() instanceof Collection) {
            return ((Collection<?>) value.get()).stream().anyMatch(v -> claim.values().contains(String.valueOf(v)));
        }
        if (value.get() instanceof Map) {
            return false;
        }
        return claim.values().contains(String.valueOf(value.get()));
    }

    /**
     * Whether {@code issuer/subject} matches a principal pattern: {@code *} is any JWT; otherwise each side of the
     * pattern's last {@code /} is exact, {@code prefix*}, {@code *suffix} or {@code *}.
     */
    static boolean principalMatches(String pattern, String issuer, String subject) {
        if (pattern.equals("*")) {
            return true;
        }
        int slash = pattern.lastIndexOf('/');
        if (slash < 0) {
            return false;
        }
        return glob(pattern.substring(0, slash), issuer) && glob(pattern.substring(slash + 1), subject);
    }

    private static boolean glob(String pattern, String value) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return value.endsWith(pattern.substring(1));
        }
        return value.equals(pattern);
    }

    private static Step step(String direction, String tier, String resource, String outcome, String reason) {
        return new Step(LAYER, direction, tier, resource, -1, outcome, reason);
    }

    /** Every intent of the sets, for callers that relate steps to intents. */
    public List<Intent> intents() {
        List<Intent> all = new ArrayList<>(connections);
        all.addAll(isolations);
        return List.copyOf(all);
    }
}
