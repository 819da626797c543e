package dev.kordon.generators.calico;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.Names;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.calico.CalicoPolicy.PolicyType;
import dev.kordon.generators.calico.TierLayout.KordonTier;
import dev.kordon.generators.manifest.Manifests;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the Calico policies of one policy set's intents: per intent and enforcing side, one policy per
 * {@link Placement} of its subject pods, in the intent's {@link TierLayout tier}, with {@code types} always written.
 *
 * <p>Orders: a guardrail's priority; 0 in the application tiers; an audit half a step earlier ({@code priority -
 * 0.5}), so that it records traffic before a decision of the same priority ends the evaluation. Names:
 * {@code <tier>.<set>-<intent>-<side>}, within 63 characters, since Calico before 3.32 requires the tier prefix for
 * policies outside the {@code default} tier (later versions accept it). A dry-run set gets the staged kinds.
 */
final class PolicyWriter {

    private static final BigDecimal AUDIT_STEP = new BigDecimal("0.5");
    private static final int MAX_RULES = 1024;

    private final PolicySet set;
    private final Role role;
    private final TierLayout tiers;
    private final Set<KordonTier> used = new LinkedHashSet<>();

    PolicyWriter(PolicySet set, Role role, TierLayout tiers) {
        this.set = set;
        this.role = role;
        this.tiers = tiers;
    }

    /** The tiers that the policies written so far belong to. */
    Set<KordonTier> usedTiers() {
        return Set.copyOf(used);
    }

    /** The policies of one intent. */
    List<Resource> write(Intent intent) {
        return intent instanceof Isolation ? isolation((Isolation) intent) : connection((Connection) intent);
    }

    /** A policy without rules for each placement: the tier applies to the pods and ends in Deny. */
    private List<Resource> isolation(Isolation isolation) {
        List<PolicyType> types = isolation.directions().stream().map(PolicyWriter::type).toList();
        List<Resource> resources = new ArrayList<>();
        List<Placement> placements = Placement.of(isolation.subjects());
        for (Placement placement : placements) {
            String name = name(tiers.of(isolation), isolation.name(), null, placement, placements);
            resources.add(policy(tiers.of(isolation), BigDecimal.ZERO, placement, types, List.of(), name,
                    isolation.name()));
        }
        return resources;
    }

    private List<Resource> connection(Connection connection) {
        if (connection.isL7() && connection.action() != Action.ALLOW) {
            if (role == Role.TRANSPORT && connection.action() != Action.PASS) {
                return List.of(); // the mesh denies or audits exactly those requests; at L4 it would be every request
            }
            if (role == Role.TRANSPORT || connection.action() != Action.AUDIT) {
                throw new IllegalStateException("Calico matches HTTP only in Allow rules: " + connection.name()
                        + "; the fidelity check should have refused it");
            }
        }
        KordonTier tier = tiers.of(connection);
        BigDecimal order = BigDecimal.valueOf(connection.priority());
        if (connection.action() == Action.AUDIT) {
            order = order.subtract(AUDIT_STEP);
        }
        List<Resource> resources = new ArrayList<>();
        for (Direction side : connection.effectiveSides()) {
            boolean egress = side == Direction.EGRESS;
            List<Peer> subjects = (egress ? connection.sources() : connection.destinations()).stream()
                    .filter(Peer::isPods).toList();
            List<Peer> others = egress ? connection.destinations() : connection.sources();
            List<Placement> placements = Placement.of(subjects);
            for (Placement placement : placements) {
                String name = name(tier, connection.name(), side.toString(), placement, placements);
                resources.add(policy(tier, order, placement, List.of(type(side)),
                        rules(connection, side, others, placement.namespace()), name, connection.name()));
            }
        }
        return resources;
    }

    /** Every combination of peer, protocol and HTTP alternative; ports go to the destination. */
    private List<Rule> rules(Connection connection, Direction side, List<Peer> others, String namespace) {
        Rule.Action action = action(connection.action());
        List<Optional<Rule.Http>> requests = role == Role.COMPLETE && side == Direction.INGRESS
                && connection.action() == Action.ALLOW && !connection.http().isEmpty()
                ? HttpMatches.of(connection.http()) : List.of(Optional.empty());
        Set<Rule> rules = new LinkedHashSet<>();
        for (EntityRule peer : Peers.of(others, namespace)) {
            for (PortGroup ports : PortGroup.of(connection.ports())) {
                // at egress a named port names a port of a destination pod: an address peer (nets) has none, where
                // Calico would look the name up on any pod inside the nets
                List<EntityRule.Port> toward = side == Direction.EGRESS && peer.nets() != null
                        ? ports.ports().stream().filter(port -> !port.isNamed()).toList() : ports.ports();
                if (toward.isEmpty() && !ports.ports().isEmpty()) {
                    continue;
                }
                for (Optional<Rule.Http> request : requests) {
                    rules.add(side == Direction.INGRESS
                            ? new Rule(action, ports.protocol(), orNull(peer), orNull(EntityRule.ports(ports.ports())),
                                    request.orElse(null))
                            : new Rule(action, ports.protocol(), null, orNull(peer.withPorts(toward)), null));
                }
            }
        }
        if (rules.size() > MAX_RULES) {
            throw new IllegalStateException("intent " + connection.name() + " needs " + rules.size()
                    + " Calico rules on its " + side + " side; a policy holds at most " + MAX_RULES);
        }
        return List.copyOf(rules);
    }

    private Resource policy(KordonTier tier, BigDecimal order, Placement placement, List<PolicyType> types,
            List<Rule> rules, String name, String intent) {
        used.add(tier);
        String kind = (set.dryRun() ? "Staged" : "") + (placement.isGlobal() ? "GlobalNetworkPolicy" : "NetworkPolicy");
        boolean ingress = types.equals(List.of(PolicyType.INGRESS)); // a connection's side; an isolation has no rules
        CalicoPolicy.Spec spec = new CalicoPolicy.Spec(set.dryRun() ? "Set" : null, tier.name(), order,
                placement.selector(), placement.namespaceSelector(), null, types, ingress ? rules : null,
                ingress ? null : rules);
        CalicoPolicy body = new CalicoPolicy(CalicoPolicy.API_VERSION, kind,
                Manifests.metadata(set, name, placement.namespace(), List.of(intent)), spec);
        return new Resource(CalicoPolicy.API_VERSION, kind, placement.namespace(), name, List.of(intent), body);
    }

    /**
     * {@code <tier>.<set>-<intent>[-<side>][-<n>]}: {@code n} numbers the global policies when there are several (the
     * namespaced ones differ by namespace), and the part after the tier is shortened with a hash to fit 63.
     */
    private String name(KordonTier tier, String intent, String side, Placement placement, List<Placement> all) {
        List<String> parts = new ArrayList<>();
        parts.add(intent);
        if (side != null) {
            parts.add(side);
        }
        List<Placement> global = all.stream().filter(Placement::isGlobal).toList();
        if (placement.isGlobal() && global.size() > 1) {
            parts.add(String.valueOf(global.indexOf(placement) + 1));
        }
        String base = Manifests.name(set, parts.toArray(String[]::new));
        int room = Names.MAX_LABEL - tier.name().length() - 1;
        return tier.name() + "." + (base.length() <= room ? base : Names.dns1123Label(base, room));
    }

    private static EntityRule orNull(EntityRule rule) {
        return rule.isAny() ? null : rule;
    }

    private static PolicyType type(Direction direction) {
        return direction == Direction.INGRESS ? PolicyType.INGRESS : PolicyType.EGRESS;
    }

    private static Rule.Action action(Action action) {
        return switch (action) {
            case ALLOW -> Rule.Action.ALLOW;
            case DENY -> Rule.Action.DENY;
            case PASS -> Rule.Action.PASS;
            case AUDIT -> Rule.Action.LOG;
        };
    }
}
