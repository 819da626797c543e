package dev.kordon.generators.cnp;

import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One enforcing side of a guardrail in the network-policy-api's terms: the subject pods, and one rule's pod peers,
 * address peers and ports. Every list is in canonical order.
 *
 * @param direction the side: egress at the source pods, ingress at the destination pods
 * @param subjects  the pods the rule is enforced at; one policy object each
 * @param pods      the pod peers of the rule
 * @param networks  the CIDRs of the rule's address peers (egress only)
 * @param ports     the ports of the rule; empty for every protocol and port
 */
public record GuardrailSide(Direction direction, List<PodSelection> subjects, List<PodSelection> pods,
        List<String> networks, List<PortMatch> ports) {

    /** Every IPv4 and IPv6 address: what {@code anywhere()} (and an accepted {@code world()}) is written as. */
    public static final List<String> EVERY_ADDRESS = List.of("0.0.0.0/0", "::/0");

    public GuardrailSide {
        Objects.requireNonNull(direction, "direction");
        subjects = List.copyOf(subjects);
        pods = List.copyOf(pods);
        networks = List.copyOf(networks);
        ports = List.copyOf(ports);
    }

    /**
     * The side of a guardrail that passed the fidelity check.
     *
     * @throws IllegalStateException when the side holds what the API cannot express (a bug: the fidelity check should
     *                               have refused it), or would have no subject or no peer
     */
    public static GuardrailSide of(PolicySet set, Connection guardrail, Direction side) {
        boolean egress = side == Direction.EGRESS;
        List<Peer> peers = egress ? guardrail.destinations() : guardrail.sources();
        List<PodSelection> subjects = PodSelection.of(set, egress ? guardrail.sources() : guardrail.destinations());
        List<PodSelection> pods = peers.contains(Entity.ANYWHERE) ? List.of() : PodSelection.of(set, peers);
        SortedSet<String> networks = new TreeSet<>();
        for (Peer peer : peers) {
            if (peer.isPods()) {
                continue;
            }
            if (egress && (peer == Entity.ANYWHERE || peer == Entity.WORLD)) {
                networks.addAll(EVERY_ADDRESS);
            } else if (egress && peer instanceof IpBlock && ((IpBlock) peer).except().isEmpty()) {
                networks.add(((IpBlock) peer).cidr().notation());
            } else {
                throw new IllegalStateException("the network-policy-api cannot express " + peer + " as an " + side
                        + " peer of " + guardrail.name() + "; the fidelity check should have refused it");
            }
        }
        if (subjects.isEmpty() || pods.isEmpty() && networks.isEmpty()) {
            throw new IllegalStateException("guardrail " + guardrail.name() + " would have no " + (subjects.isEmpty()
                    ? "subject" : "peer") + " at " + side + "; the fidelity check should have refused it");
        }
        List<PortMatch> ports = guardrail.ports().stream().anyMatch(AnyTraffic.class::isInstance) ? List.of()
                : guardrail.ports();
        return new GuardrailSide(side, subjects, pods, new ArrayList<>(networks), ports);
    }

    /** Whether the rule covers every protocol and port (its ports are left out). */
    public boolean anyTraffic() {
        return ports.isEmpty();
    }

    /** The networks in groups of at most {@code size}, one address peer each. */
    public List<List<String>> networkGroups(int size) {
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < networks.size(); from += size) {
            groups.add(networks.subList(from, Math.min(networks.size(), from + size)));
        }
        return groups;
    }
}
