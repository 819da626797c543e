package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.ProtocolMatch;
import java.util.Objects;

/**
 * A flow as one enforcement point evaluates it: the direction, both ends as rules see them, the IP protocol number
 * and version, and whether HTTP rules are enforced (Application Layer Policy).
 *
 * @param flow        the flow
 * @param direction   ingress (at the destination) or egress (at the source)
 * @param source      the source as rules see it
 * @param destination the destination as rules see it
 * @param alp         whether Application Layer Policy enforces HTTP rules
 */
record FlowView(Flow flow, Direction direction, Side source, Side destination, boolean alp,
        EnforcementProfile.CalicoPrefixMatching prefixes) {

    FlowView {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(prefixes, "prefixes");
    }

    /** The IP protocol number of the flow. */
    int protocol() {
        return switch (flow.transport()) {
            case TCP -> ProtocolMatch.TCP;
            case UDP -> ProtocolMatch.UDP;
            case SCTP -> ProtocolMatch.SCTP;
            case ICMP -> ProtocolMatch.ICMP;
            case ICMPV6 -> ProtocolMatch.ICMPV6;
        };
    }

    /** 4 or 6. */
    int ipVersion() {
        return flow.source().ip().contains(":") || flow.destination().ip().contains(":")
                || flow.transport() == Transport.ICMPV6 ? 6 : 4;
    }

    /** The protocol and port, e.g. {@code TCP/80} or {@code ICMP}. */
    String l4() {
        return flow.transport().hasPorts() ? flow.transport() + "/" + flow.port() : flow.transport().toString();
    }
}
