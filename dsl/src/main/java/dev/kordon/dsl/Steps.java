package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The staged steps of the fluent DSL. Each step offers only what may come next, so a statement that skips a
 * required part (the destination, the ports, the direction) does not compile. The last step returns an immutable
 * {@link Intent}; optional parts are then added with its {@code with…}-style methods.
 */
public final class Steps {

    private Steps() {
    }

    /** After the sources: name the destinations. */
    public interface To {
        /** The peers that receive the traffic. */
        On to(Peer first, Peer... more);
    }

    /** After the receiving subject of an ingress rule: name who sends. */
    public interface From {
        /** The peers that send the traffic. */
        On from(Peer first, Peer... more);
    }

    /** After "accepts these requests": name who sends them. */
    public interface AcceptFrom {
        /** The peers whose requests are accepted. */
        On from(Peer first, Peer... more);
    }

    /** Name the ports; this completes the connection. */
    public interface On {
        /** The transport traffic covered; name ports explicitly, or {@code anyTraffic()} for all of it. */
        Connection on(PortMatch first, PortMatch... more);
    }

    /** After {@code isolate(...)}: choose the directions. */
    public interface IsolationDirection {
        /** Deny by default what arrives at the subjects. */
        Isolation ingress();

        /** Deny by default what leaves the subjects. */
        Isolation egress();

        /** Deny by default both ways. */
        Isolation ingressAndEgress();
    }

    /** After {@code guardrail(name)}: choose the tier and priority. */
    public interface GuardrailTier {
        /** The admin tier: decided before application policy, which cannot override it. Priority 0..1000, lower first. */
        GuardrailAction admin(int priority);

        /** The baseline tier: a default that application policy overrides. Priority 0..1000, lower first. */
        GuardrailAction baseline(int priority);
    }

    /** After the tier: choose the action. */
    public interface GuardrailAction {
        GuardrailDirection allow();

        GuardrailDirection deny();

        /** Skip the rest of this tier and let the next one decide. */
        GuardrailDirection pass();

        /** Observe without changing the decision. */
        GuardrailDirection audit();
    }

    /** After the action: choose the side that carries the rule and its subject pods. */
    public interface GuardrailDirection {
        /** Enforced on traffic leaving these pods. */
        To egressFrom(Peer first, Peer... more);

        /** Enforced on traffic arriving at these pods. */
        From ingressTo(Peer first, Peer... more);
    }

    @SafeVarargs
    static <T> List<T> list(T first, T... more) {
        Objects.requireNonNull(more, "more");
        List<T> all = new ArrayList<>(1 + more.length);
        all.add(Objects.requireNonNull(first, "first"));
        for (T each : more) {
            all.add(Objects.requireNonNull(each, "an argument"));
        }
        return all;
    }

    /** One connection under construction; every step returns a new value. */
    static final class Building implements To, From, On {
        private final Tier tier;
        private final int priority;
        private final Action action;
        private final List<Peer> sources;
        private final List<Peer> destinations;
        private final List<HttpRule> http;
        private final Set<Direction> sides;

        Building(Tier tier, int priority, Action action, List<Peer> sources, List<Peer> destinations,
                List<HttpRule> http, Set<Direction> sides) {
            this.tier = tier;
            this.priority = priority;
            this.action = action;
            this.sources = sources;
            this.destinations = destinations;
            this.http = http;
            this.sides = sides;
        }

        @Override
        public On to(Peer first, Peer... more) {
            return new Building(tier, priority, action, sources, list(first, more), http, sides);
        }

        @Override
        public On from(Peer first, Peer... more) {
            return new Building(tier, priority, action, list(first, more), destinations, http, sides);
        }

        @Override
        public Connection on(PortMatch first, PortMatch... more) {
            return new Connection("", tier, priority, action, sources, destinations, list(first, more), http,
                    List.of(), sides, Origin.capture());
        }
    }

    /** {@code workload.accepts(requests).from(peers)}: ingress at the workload only. */
    static final class Accepting implements AcceptFrom {
        private final Workload workload;
        private final List<HttpRule> http;

        Accepting(Workload workload, List<HttpRule> http) {
            this.workload = workload;
            this.http = http;
        }

        @Override
        public On from(Peer first, Peer... more) {
            return new Building(Tier.APPLICATION, 0, Action.ALLOW, list(first, more), List.of(workload), http,
                    Set.of(Direction.INGRESS));
        }
    }

    /** {@code isolate(subjects)}. */
    static final class Isolating implements IsolationDirection {
        private final List<Peer> subjects;

        Isolating(List<Peer> subjects) {
            this.subjects = subjects;
        }

        @Override
        public Isolation ingress() {
            return new Isolation("", subjects, Set.of(Direction.INGRESS), Origin.capture());
        }

        @Override
        public Isolation egress() {
            return new Isolation("", subjects, Set.of(Direction.EGRESS), Origin.capture());
        }

        @Override
        public Isolation ingressAndEgress() {
            return new Isolation("", subjects, Set.of(Direction.INGRESS, Direction.EGRESS), Origin.capture());
        }
    }

    /** {@code guardrail(name)} through its tier, action and direction. */
    static final class Guarding implements GuardrailTier, GuardrailAction, GuardrailDirection {
        private final String name;
        private final Tier tier;
        private final int priority;
        private final Action action;

        Guarding(String name, Tier tier, int priority, Action action) {
            this.name = name;
            this.tier = tier;
            this.priority = priority;
            this.action = action;
        }

        @Override
        public GuardrailAction admin(int newPriority) {
            return new Guarding(name, Tier.ADMIN, newPriority, action);
        }

        @Override
        public GuardrailAction baseline(int newPriority) {
            return new Guarding(name, Tier.BASELINE, newPriority, action);
        }

        @Override
        public GuardrailDirection allow() {
            return new Guarding(name, tier, priority, Action.ALLOW);
        }

        @Override
        public GuardrailDirection deny() {
            return new Guarding(name, tier, priority, Action.DENY);
        }

        @Override
        public GuardrailDirection pass() {
            return new Guarding(name, tier, priority, Action.PASS);
        }

        @Override
        public GuardrailDirection audit() {
            return new Guarding(name, tier, priority, Action.AUDIT);
        }

        @Override
        public To egressFrom(Peer first, Peer... more) {
            return new NamedBuilding(name,
                    new Building(tier, priority, action, list(first, more), List.of(), List.of(), Set.of(Direction.EGRESS)));
        }

        @Override
        public From ingressTo(Peer first, Peer... more) {
            return new NamedBuilding(name,
                    new Building(tier, priority, action, List.of(), list(first, more), List.of(), Set.of(Direction.INGRESS)));
        }
    }

    /** A connection under construction that carries a name given up front (guardrails). */
    static final class NamedBuilding implements To, From, On {
        private final String name;
        private final Building building;

        NamedBuilding(String name, Building building) {
            this.name = name;
            this.building = building;
        }

        @Override
        public On to(Peer first, Peer... more) {
            return new NamedBuilding(name, (Building) building.to(first, more));
        }

        @Override
        public On from(Peer first, Peer... more) {
            return new NamedBuilding(name, (Building) building.from(first, more));
        }

        @Override
        public Connection on(PortMatch first, PortMatch... more) {
            return building.on(first, more).named(name);
        }
    }
}
