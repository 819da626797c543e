package dev.kordon.generators.cilium;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.manifest.Manifests;
import dev.kordon.generators.manifest.ObjectMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Cilium policies of one policy set's intents: one policy per intent, side and {@link Subject}, each
 * holding one kind of section, so that its {@code enableDefaultDeny} says exactly whether it isolates.
 */
final class PolicyWriter {

    private final PolicySet set;
    private final Role role;
    private final boolean dnsVisibility;

    PolicyWriter(PolicySet set, Role role) {
        this.set = set;
        this.role = role;
        this.dnsVisibility = DnsVisibility.isNeeded(set);
    }

    /** The policies that put the subjects into default deny: {@code ingress: [{}]} and/or {@code egress: [{}]}. */
    List<Resource> isolation(Isolation isolation) {
        List<IngressRule> ingress = isolation.directions().contains(Direction.INGRESS)
                ? List.of(IngressRule.isolating()) : null;
        List<EgressRule> egress = isolation.directions().contains(Direction.EGRESS)
                ? List.of(EgressRule.isolating()) : null;
        List<Subject> subjects = Subject.of(isolation.subjects(), false);
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            Subject subject = subjects.get(i);
            PolicySpec spec = new PolicySpec(subject.endpointSelector(), ingress, null, egress, null, null);
            resources.add(resource(name(isolation.name(), "isolation", i, subjects.size()), subject,
                    isolation.name(), spec));
        }
        return resources;
    }

    /**
     * The policies of an allow on one side. They isolate the subjects in that direction (Cilium's default for a rule
     * with a section), which is what an application allow does.
     */
    List<Resource> allow(Connection connection, Direction side) {
        return write(connection, side, ports(connection, side), false);
    }

    /**
     * The policies of a deny on one side, with default deny switched off for that direction: a deny alone does not
     * isolate, and Cilium's denies beat every allow, as the model's do.
     */
    List<Resource> deny(Connection connection, Direction side) {
        return write(connection, side, PortRules.plain(connection.ports()), true);
    }

    private List<Resource> write(Connection connection, Direction side, List<PortRule> ports, boolean deny) {
        boolean egress = side == Direction.EGRESS;
        List<Peer> subjects = (egress ? connection.sources() : connection.destinations()).stream()
                .filter(Peer::isPods).toList();
        List<Peer> peers = egress ? connection.destinations() : connection.sources();
        List<Subject> units = Subject.of(subjects, connection.isGuardrail());
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Subject subject = units.get(i);
            List<PeerGroup> groups = PeerGroup.of(peers, subject.namespace());
            PolicySpec spec = egress ? egressSpec(subject, groups, ports, deny)
                    : ingressSpec(subject, groups, ports, deny);
            resources.add(resource(name(connection.name(), side.toString(), i, units.size()), subject,
                    connection.name(), spec));
        }
        return resources;
    }

    private static PolicySpec ingressSpec(Subject subject, List<PeerGroup> groups, List<PortRule> ports, boolean deny) {
        List<IngressRule> rules = groups.stream().map(group -> {
            if (group.fqdns() != null) {
                throw new IllegalStateException("DNS names cannot be sources: " + group.fqdns());
            }
            return IngressRule.of(group, ports);
        }).toList();
        return deny ? new PolicySpec(subject.endpointSelector(), null, rules, null, null, DefaultDeny.off(false))
                : new PolicySpec(subject.endpointSelector(), rules, null, null, null, null);
    }

    private static PolicySpec egressSpec(Subject subject, List<PeerGroup> groups, List<PortRule> ports, boolean deny) {
        List<EgressRule> rules = groups.stream().map(group -> {
            if (deny && group.fqdns() != null) {
                throw new IllegalStateException("Cilium deny rules cannot match DNS names: " + group.fqdns());
            }
            return EgressRule.of(group, ports);
        }).toList();
        return deny ? new PolicySpec(subject.endpointSelector(), null, null, null, rules, DefaultDeny.off(true))
                : new PolicySpec(subject.endpointSelector(), null, null, rules, null, null);
    }

    /**
     * The ports of an allow on one side: with its HTTP rules when this backend enforces them (not under a mesh), or
     * with DNS visibility when the set needs it. Request conditions are never written: the fidelity check lets an
     * intent with conditions through only when it accepted {@link Downgrade#L4_ONLY}.
     */
    private List<PortRule> ports(Connection connection, Direction side) {
        if (!connection.conditions().isEmpty() && role == Role.COMPLETE
                && !connection.accepted().contains(Downgrade.L4_ONLY)) {
            throw new IllegalStateException("request conditions of " + connection.name() + " reached the cilium"
                    + " writer without the l4-only downgrade");
        }
        if (!connection.http().isEmpty() && role == Role.COMPLETE) {
            return PortRules.withHttp(connection.ports(), HttpMatches.of(connection.http()));
        }
        if (side == Direction.EGRESS && dnsVisibility && DnsVisibility.isDnsAllow(connection)) {
            return PortRules.withDnsVisibility(connection.ports());
        }
        return PortRules.plain(connection.ports());
    }

    private String name(String intent, String part, int index, int count) {
        return count == 1 ? Manifests.name(set, intent, part)
                : Manifests.name(set, intent, part, String.valueOf(index + 1));
    }

    private Resource resource(String name, Subject subject, String intent, PolicySpec spec) {
        ObjectMetadata metadata = Manifests.metadata(set, name, subject.namespace(), List.of(intent));
        CiliumPolicy policy = CiliumPolicy.of(metadata, spec);
        return new Resource(policy.apiVersion(), policy.kind(), subject.namespace(), name, List.of(intent), policy);
    }
}
