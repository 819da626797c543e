package dev.kordon.simulator.cilium;

import dev.kordon.simulator.Transport;

/** The protocol of a Cilium port rule; {@code ANY} (the default) covers TCP, UDP and SCTP, not ICMP. */
enum Protocol {
    TCP,
    UDP,
    SCTP,
    ANY,
    ICMP,
    ICMPV6;

    /** Whether a flow of this transport is of this protocol. */
    boolean covers(Transport transport) {
        return switch (this) {
            case ANY -> transport.hasPorts();
            case ICMP -> transport == Transport.ICMP;
            case ICMPV6 -> transport == Transport.ICMPV6;
            default -> transport.name().equals(name());
        };
    }
}
