package dev.kordon.generators.cnp;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Tier;
import dev.kordon.generators.Resource;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.EgressPeer;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.EgressRule;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.IngressPeer;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.IngressRule;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.NamespacedPod;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.Port;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.Protocol;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.ProtocolPort;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.Spec;
import dev.kordon.generators.cnp.ClusterNetworkPolicy.Subject;
import dev.kordon.generators.manifest.Manifests;
import java.util.ArrayList;
import java.util.List;

/** Writes the ClusterNetworkPolicies of one policy set's guardrails: one per side and subject, with one rule. */
final class ClusterNetworkPolicyWriter {

    /** The most CIDRs one {@code networks} peer may hold. */
    private static final int NETWORKS_PER_PEER = 25;

    private final PolicySet set;

    ClusterNetworkPolicyWriter(PolicySet set) {
        this.set = set;
    }

    /** The policies of one guardrail: per effective side, one per subject selection. */
    List<Resource> guardrail(Connection guardrail) {
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
                resources.add(resource(name, guardrail, side, side.subjects().get(i)));
            }
        }
        return resources;
    }

    private Resource resource(String name, Connection guardrail, GuardrailSide side, PodSelection subject) {
        boolean egress = side.direction() == Direction.EGRESS;
        String action = action(guardrail);
        List<Protocol> protocols = side.anyTraffic() ? null : protocols(side.ports());
        Spec spec = new Spec(guardrail.tier() == Tier.ADMIN ? "Admin" : "Baseline", guardrail.priority(),
                subject(subject),
                egress ? null : List.of(new IngressRule(guardrail.name(), action, ingressPeers(side), protocols)),
                egress ? List.of(new EgressRule(guardrail.name(), action, egressPeers(side), protocols)) : null);
        ClusterNetworkPolicy policy = new ClusterNetworkPolicy(
                Manifests.metadata(set, name, "", List.of(guardrail.name())), spec);
        return new Resource(ClusterNetworkPolicy.API_VERSION, ClusterNetworkPolicy.KIND, "", name,
                List.of(guardrail.name()), policy);
    }

    private static String action(Connection guardrail) {
        return switch (guardrail.action()) {
            case ALLOW -> "Accept";
            case DENY -> "Deny";
            case PASS -> "Pass";
            case AUDIT -> throw new IllegalStateException("ClusterNetworkPolicy has no audit action; "
                    + guardrail.name() + " should not have been rendered");
        };
    }

    private static Subject subject(PodSelection subject) {
        return subject.wholeNamespaces() ? new Subject(subject.namespaces(), null)
                : new Subject(null, new NamespacedPod(subject.namespaces(), subject.pods()));
    }

    private static List<IngressPeer> ingressPeers(GuardrailSide side) {
        if (!side.networks().isEmpty()) {
            throw new IllegalStateException("ingress peers cannot be networks: " + side.networks());
        }
        return side.pods().stream().map(pods -> pods.wholeNamespaces() ? new IngressPeer(pods.namespaces(), null)
                : new IngressPeer(null, new NamespacedPod(pods.namespaces(), pods.pods()))).toList();
    }

    private static List<EgressPeer> egressPeers(GuardrailSide side) {
        List<EgressPeer> peers = new ArrayList<>();
        for (PodSelection pods : side.pods()) {
            peers.add(pods.wholeNamespaces() ? new EgressPeer(pods.namespaces(), null, null)
                    : new EgressPeer(null, new NamespacedPod(pods.namespaces(), pods.pods()), null));
        }
        for (List<String> networks : side.networkGroups(NETWORKS_PER_PEER)) {
            peers.add(new EgressPeer(null, null, networks));
        }
        return peers;
    }

    /** One protocol entry per port, in the intent's canonical order. */
    private static List<Protocol> protocols(List<PortMatch> ports) {
        List<Protocol> protocols = new ArrayList<>();
        for (PortMatch port : ports) {
            if (port instanceof NamedPort) {
                protocols.add(new Protocol(null, null, null, ((NamedPort) port).name()));
            } else if (port instanceof PortNumber) {
                PortNumber number = (PortNumber) port;
                protocols.add(protocol(number.protocol(), new Port(number.port(), null)));
            } else if (port instanceof PortRange) {
                PortRange range = (PortRange) port;
                protocols.add(protocol(range.protocol(), new Port(null,
                        new ClusterNetworkPolicy.PortRange(range.from(), range.to()))));
            } else if (port instanceof AllPorts) {
                protocols.add(protocol(((AllPorts) port).protocol(), new Port(null,
                        new ClusterNetworkPolicy.PortRange(1, 65535))));
            } else {
                throw new IllegalStateException("any traffic is written without protocols, not as " + port);
            }
        }
        return protocols.stream().distinct().toList();
    }

    private static Protocol protocol(dev.kordon.dsl.Protocol protocol, Port port) {
        ProtocolPort destination = new ProtocolPort(port);
        return switch (protocol) {
            case TCP -> new Protocol(destination, null, null, null);
            case UDP -> new Protocol(null, destination, null, null);
            case SCTP -> new Protocol(null, null, destination, null);
        };
    }
}
