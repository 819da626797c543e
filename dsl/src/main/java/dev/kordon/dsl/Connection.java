package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Flows from {@code sources} to {@code destinations} on {@code ports} (and, when given, only these HTTP requests under
 * these conditions), with what to do about them and where that is enforced.
 *
 * <p>{@code enforcedAt} says which sides carry the rule: {@link Direction#EGRESS} at the source pods,
 * {@link Direction#INGRESS} at the destination pods. "A may call B" is enforced at both; "B accepts from A" at
 * the ingress side only; a guardrail at the one side it names. A side whose peers are not pods has nothing to
 * enforce on and is skipped (see {@link #effectiveSides()}).
 *
 * <p>Build one with the DSL: {@code allow(FRONTEND).to(BACKEND).on(tcp(8080))},
 * {@code BACKEND.accepts(GET("/api/*")).from(FRONTEND).on(tcp(8080))} or
 * {@code guardrail("block-metadata").admin(10).deny().egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic())}.
 *
 * @param name        DNS-1123 name; empty until the policy set derives one
 * @param tier        where the rule sits in evaluation order
 * @param priority    0..1000, lower first, for the admin and baseline tiers; always 0 in the application tier
 * @param action      what to do with matching traffic
 * @param sources     who sends (canonical order, no duplicates)
 * @param destinations who receives (canonical order, no duplicates)
 * @param ports       which transport traffic (canonical order, no duplicates)
 * @param http        alternatives of HTTP requests; empty means the rule is L4-only
 * @param conditions  conditions on the authenticated request, all of which must hold
 * @param enforcedAt  the sides that carry the rule
 * @param accepted    the downgrades a generator may apply to this intent (see {@link Downgrade})
 * @param origin      where it was declared (not part of its value)
 */
public record Connection(String name, Tier tier, int priority, Action action, List<Peer> sources,
        List<Peer> destinations, List<PortMatch> ports, List<HttpRule> http, List<Condition> conditions,
        Set<Direction> enforcedAt, Set<Downgrade> accepted, Origin origin) implements Intent {

    public Connection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(action, "action");
        priority = tier.isClusterWide() ? priority : 0;
        sources = Canonical.sortedSet(sources, "sources");
        destinations = Canonical.sortedSet(destinations, "destinations");
        ports = Canonical.sortedSet(ports, "ports");
        http = Canonical.sortedSet(http, "http");
        conditions = Canonical.sortedSet(conditions, "conditions");
        enforcedAt = directions(enforcedAt);
        Objects.requireNonNull(accepted, "accepted");
        accepted = accepted.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(accepted));
        Objects.requireNonNull(origin, "origin");
    }

    /** A connection that accepts no downgrade. */
    public Connection(String name, Tier tier, int priority, Action action, List<Peer> sources, List<Peer> destinations,
            List<PortMatch> ports, List<HttpRule> http, List<Condition> conditions, Set<Direction> enforcedAt,
            Origin origin) {
        this(name, tier, priority, action, sources, destinations, ports, http, conditions, enforcedAt, Set.of(),
                origin);
    }

    static Set<Direction> directions(Collection<Direction> directions) {
        Objects.requireNonNull(directions, "directions");
        return directions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(directions));
    }

    /** Whether this is a cluster-wide guardrail (admin or baseline tier). */
    public boolean isGuardrail() {
        return tier.isClusterWide();
    }

    /** The sides that actually carry the rule: those in {@link #enforcedAt()} whose peers include pods. */
    public Set<Direction> effectiveSides() {
        EnumSet<Direction> sides = EnumSet.noneOf(Direction.class);
        if (enforcedAt.contains(Direction.EGRESS) && sources.stream().anyMatch(Peer::isPods)) {
            sides.add(Direction.EGRESS);
        }
        if (enforcedAt.contains(Direction.INGRESS) && destinations.stream().anyMatch(Peer::isPods)) {
            sides.add(Direction.INGRESS);
        }
        return Collections.unmodifiableSet(sides);
    }

    /** Whether the rule looks at HTTP requests rather than only at transport traffic. */
    public boolean isL7() {
        return !http.isEmpty() || !conditions.isEmpty();
    }

    @Override
    public Connection named(String newName) {
        return new Connection(newName, tier, priority, action, sources, destinations, ports, http, conditions,
                enforcedAt, accepted, origin);
    }

    /** This connection enforced only at the destination's ingress side. */
    public Connection onlyIngress() {
        return withSides(Set.of(Direction.INGRESS));
    }

    /** This connection enforced only at the source's egress side. */
    public Connection onlyEgress() {
        return withSides(Set.of(Direction.EGRESS));
    }

    private Connection withSides(Set<Direction> sides) {
        return new Connection(name, tier, priority, action, sources, destinations, ports, http, conditions, sides,
                accepted, origin);
    }

    /** This connection limited to the given HTTP requests: {@code .requests(GET("/api/*"), POST("/api/orders"))}. */
    public Connection requests(HttpRule first, HttpRule... more) {
        return new Connection(name, tier, priority, action, sources, destinations, ports,
                concat(http, Steps.list(first, more)), conditions, enforcedAt, accepted, origin);
    }

    /** This connection limited to requests meeting every condition: {@code .when(jwtClaim("role").anyOf("admin"))}. */
    public Connection when(Condition first, Condition... more) {
        return new Connection(name, tier, priority, action, sources, destinations, ports, http,
                concat(conditions, Steps.list(first, more)), enforcedAt, accepted, origin);
    }

    /**
     * This connection, allowing generators to apply the named downgrades where a target cannot express it exactly:
     * {@code .accepting(Downgrade.L4_ONLY)}. The fidelity report records what each applied downgrade changes.
     */
    public Connection accepting(Downgrade first, Downgrade... more) {
        Set<Downgrade> all = EnumSet.noneOf(Downgrade.class);
        all.addAll(accepted);
        all.addAll(Steps.list(first, more));
        return new Connection(name, tier, priority, action, sources, destinations, ports, http, conditions, enforcedAt,
                all, origin);
    }

    private static <T> List<T> concat(List<T> existing, List<T> added) {
        List<T> all = new ArrayList<>(existing);
        all.addAll(added);
        return all;
    }

    @Override
    public String baseName() {
        return action + "-" + shortNames(sources) + "-to-" + shortNames(destinations);
    }

    private static String shortNames(List<Peer> peers) {
        List<String> names = new ArrayList<>();
        for (Peer peer : peers) {
            names.add(peer.shortName());
        }
        return String.join("-", names);
    }

    @Override
    public String meaning() {
        StringBuilder text = new StringBuilder();
        text.append(tier);
        if (tier.isClusterWide()) {
            text.append('(').append(priority).append(')');
        }
        text.append(' ').append(action).append(' ').append(Canonical.join(sources, ", "))
                .append(" -> ").append(Canonical.join(destinations, ", "))
                .append(" on ").append(Canonical.join(ports, ", "));
        if (!http.isEmpty()) {
            text.append(" http[").append(Canonical.join(http, " | ")).append(']');
        }
        if (!conditions.isEmpty()) {
            text.append(" when[").append(Canonical.join(conditions, " & ")).append(']');
        }
        text.append(" at ").append(Canonical.join(enforcedAt, "+"));
        if (!accepted.isEmpty()) {
            text.append(" accepting ").append(Canonical.join(accepted, ","));
        }
        return text.toString();
    }

    /** The name and the canonical meaning, e.g. {@code allow-frontend-to-backend: application allow … at egress+ingress}. */
    @Override
    public String toString() {
        return (name.isEmpty() ? "<unnamed>" : name) + ": " + meaning();
    }
}
