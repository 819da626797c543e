package dev.kordon.simulator.calico.model;

import java.util.Objects;

/**
 * A rule's {@code protocol} or {@code notProtocol}: an IP protocol number with the name it was written as, or
 * {@link #ANY} when the field is absent.
 *
 * @param number the IP protocol number, 0 for any
 * @param name   as written, e.g. {@code TCP} or {@code 47}
 */
public record ProtocolMatch(int number, String name) {

    /** The field is absent. */
    public static final ProtocolMatch ANY = new ProtocolMatch(0, "");

    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int SCTP = 132;
    public static final int ICMP = 1;
    public static final int ICMPV6 = 58;
    public static final int UDPLITE = 136;

    public ProtocolMatch {
        Objects.requireNonNull(name, "name");
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("protocol out of range 0..255: " + number);
        }
    }

    /** Whether the field is absent. */
    public boolean isAny() {
        return number == 0;
    }

    /** Whether ports can be used with it (TCP, UDP, SCTP). */
    public boolean supportsPorts() {
        return number == TCP || number == UDP || number == SCTP;
    }

    /** Whether it is ICMP or ICMPv6. */
    public boolean isIcmp() {
        return number == ICMP || number == ICMPV6;
    }

    @Override
    public String toString() {
        return name;
    }
}
