package dev.kordon.simulator;

/** The IP protocol of a flow. */
public enum Transport {
    TCP,
    UDP,
    SCTP,
    ICMP,
    ICMPV6;

    /** Whether flows of this protocol have ports. */
    public boolean hasPorts() {
        return this == TCP || this == UDP || this == SCTP;
    }
}
