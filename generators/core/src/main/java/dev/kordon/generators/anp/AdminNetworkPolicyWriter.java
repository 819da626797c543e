package dev.kordon.generators.anp;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Tier;
import dev.kordon.generators.Resource;
import dev.kordon.generators.anp.AdminPolicyRules.EgressPeer;
import dev.kordon.generators.anp.AdminPolicyRules.EgressRule;
import dev.kordon.generators.anp.AdminPolicyRules.IngressPeer;
import dev.kordon.generators.anp.AdminPolicyRules.IngressRule;
import dev.kordon.generators.anp.AdminPolicyRules.NamespacedPod;
import dev.kordon.generators.anp.AdminPolicyRules.Port;
import dev.kordon.generators.anp.AdminPolicyRules.Subject;
import dev.kordon.generators.cnp.GuardrailSide;
import dev.kordon.generators.cnp.PodSelection;
import dev.kordon.generators.manifest.Manifests;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the v1alpha1 policies of one policy set's guardrails: an AdminNetworkPolicy per admin guardrail, side and
 * subject, and the BaselineAdminNetworkPolicy {@code default} holding every baseline guardrail as a rule.
 */
final class AdminNetworkPolicyWriter {

    private static final int NETWORKS_PER_PEER = 25;

    private final PolicySet set;

    AdminNetworkPolicyWriter(PolicySet set) {
        this.set = set;
    }

    /** The policies of one admin guardrail: per effective side, one per subject selection, with one rule. */
    List<Resource> admin(Connection guardrail) {
        List<Resource> resources = new ArrayList<>();
        boolean bothSides = guardrail.effectiveSides().size() > 1;
        for (Direction direction : guardrail.effectiveSides()) {
            GuardrailSide side = GuardrailSide.of(set, guardrail, direction);
            for (int i = 0; i < side.subjects().size(); i++) {
                List<String> parts = new ArrayList<>(List.of(guardrail.name()));
                if (bothSides) {
                    parts.add(direction.toString());
                }
                if (side.subjects().size() > 1) {
                    parts.add(String.valueOf(i + 1));
                }
                String name = Manifests.name(set, parts.toArray(String[]::new));
                boolean egress = direction == Direction.EGRESS;
                AdminNetworkPolicy.Spec spec = new AdminNetworkPolicy.Spec(guardrail.priority(),
                        subject(side.subjects().get(i)), egress ? null : List.of(ingress(guardrail, side)),
                        egress ? List.of(egress(guardrail, side)) : null);
                AdminNetworkPolicy policy = new AdminNetworkPolicy(
                        Manifests.metadata(set, name, "", List.of(guardrail.name())), spec);
                resources.add(new Resource(AdminNetworkPolicy.API_VERSION, AdminNetworkPolicy.KIND, "", name,
                        List.of(guardrail.name()), policy));
            }
        }
        return resources;
    }

    /**
     * The singleton holding every baseline guardrail as one rule per side, ordered by priority (then by name: rules of
     * one priority cannot overlap with different actions, the policy set's validation sees to that).
     *
     * @throws IllegalStateException when the guardrails do not share exactly one subject (the fidelity check refuses
     *                               that)
     */
    List<Resource> baseline(List<Connection> guardrails) {
        if (guardrails.isEmpty()) {
            return List.of();
        }
        List<Connection> ordered = guardrails.stream().sorted(Comparator.comparingInt(Connection::priority)
                .thenComparing(Connection::name)).toList();
        List<PodSelection> subjects = new ArrayList<>();
        List<IngressRule> ingress = new ArrayList<>();
        List<EgressRule> egress = new ArrayList<>();
        for (Connection guardrail : ordered) {
            for (Direction direction : guardrail.effectiveSides()) {
                GuardrailSide side = GuardrailSide.of(set, guardrail, direction);
                subjects.addAll(side.subjects());
                if (direction == Direction.EGRESS) {
                    egress.add(egress(guardrail, side));
                } else {
                    ingress.add(ingress(guardrail, side));
                }
            }
        }
        List<PodSelection> distinct = subjects.stream().distinct().toList();
        if (distinct.size() != 1) {
            throw new IllegalStateException("the baseline guardrails of " + set.name() + " have " + distinct.size()
                    + " subjects, but BaselineAdminNetworkPolicy has one; the fidelity check should have refused it");
        }
        List<String> intents = ordered.stream().map(Connection::name).toList();
        BaselineAdminNetworkPolicy policy = new BaselineAdminNetworkPolicy(Manifests.metadata(set,
                BaselineAdminNetworkPolicy.NAME, "", intents), new BaselineAdminNetworkPolicy.Spec(
                subject(distinct.get(0)), ingress.isEmpty() ? null : ingress, egress.isEmpty() ? null : egress));
        return List.of(new Resource(BaselineAdminNetworkPolicy.API_VERSION, BaselineAdminNetworkPolicy.KIND, "",
                BaselineAdminNetworkPolicy.NAME, intents, policy));
    }

    /**
     * The rule's action. A baseline pass is written as {@code Allow}: the baseline tier has no Pass, and passing its
     * rest leads to the default, which allows, just as Allow does.
     */
    private static String action(Connection guardrail) {
        return switch (guardrail.action()) {
            case ALLOW -> "Allow";
            case DENY -> "Deny";
            case PASS -> guardrail.tier() == Tier.BASELINE ? "Allow" : "Pass";
            case AUDIT -> throw new IllegalStateException("AdminNetworkPolicy has no audit action; "
                    + guardrail.name() + " should not have been rendered");
        };
    }

    private static Subject subject(PodSelection subject) {
        return subject.wholeNamespaces() ? new Subject(subject.namespaces(), null)
                : new Subject(null, new NamespacedPod(subject.namespaces(), subject.pods()));
    }

    private static IngressRule ingress(Connection guardrail, GuardrailSide side) {
        if (!side.networks().isEmpty()) {
            throw new IllegalStateException("ingress peers cannot be networks: " + side.networks());
        }
        List<IngressPeer> peers = side.pods().stream().map(pods -> pods.wholeNamespaces()
                ? new IngressPeer(pods.namespaces(), null)
                : new IngressPeer(null, new NamespacedPod(pods.namespaces(), pods.pods()))).toList();
        return new IngressRule(guardrail.name(), action(guardrail), peers, ports(side));
    }

    private static EgressRule egress(Connection guardrail, GuardrailSide side) {
        List<EgressPeer> peers = new ArrayList<>();
        for (PodSelection pods : side.pods()) {
            peers.add(pods.wholeNamespaces() ? new EgressPeer(pods.namespaces(), null, null)
                    : new EgressPeer(null, new NamespacedPod(pods.namespaces(), pods.pods()), null));
        }
        for (List<String> networks : side.networkGroups(NETWORKS_PER_PEER)) {
            peers.add(new EgressPeer(null, null, networks));
        }
        return new EgressRule(guardrail.name(), action(guardrail), peers, ports(side));
    }

    /** The rule's ports in the intent's canonical order; {@code null} (every protocol and port) for any traffic. */
    private static List<Port> ports(GuardrailSide side) {
        if (side.anyTraffic()) {
            return null;
        }
        List<Port> ports = new ArrayList<>();
        for (PortMatch port : side.ports()) {
            if (port instanceof PortNumber) {
                PortNumber number = (PortNumber) port;
                ports.add(new Port(new AdminPolicyRules.PortNumber(number.protocol().name(), number.port()), null));
            } else if (port instanceof PortRange) {
                PortRange range = (PortRange) port;
                ports.add(new Port(null, new AdminPolicyRules.PortRange(range.protocol().name(), range.from(),
                        range.to())));
            } else if (port instanceof AllPorts) {
                ports.add(new Port(null, new AdminPolicyRules.PortRange(((AllPorts) port).protocol().name(), 1,
                        65535)));
            } else {
                throw new IllegalStateException("AdminNetworkPolicy writes no " + port + "; the fidelity check should"
                        + " have refused it");
            }
        }
        return ports.stream().distinct().toList();
    }
}
