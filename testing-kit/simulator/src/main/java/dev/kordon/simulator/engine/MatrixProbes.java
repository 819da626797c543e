package dev.kordon.simulator.engine;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Transport;
import java.util.List;
import java.util.Objects;

/**
 * What a connectivity matrix probes: the peer endpoints (the pods among them are also the subjects whose policies
 * decide) and the first port of each port interval. A set of allowed connections is a bit set of
 * {@link #bits()} bits: one per protocol with ports ({@link #PROTOCOLS}) and interval, then one for ICMP.
 *
 * @param peers      the endpoints, indexed from 0
 * @param portStarts the first port of each interval, ascending
 */
public record MatrixProbes(List<Endpoint> peers, List<Integer> portStarts) {

    /** The protocols with ports, in the order of their bits. */
    public static final List<Transport> PROTOCOLS = List.of(Transport.SCTP, Transport.TCP, Transport.UDP);

    public MatrixProbes {
        peers = List.copyOf(peers);
        portStarts = List.copyOf(portStarts);
        Objects.requireNonNull(peers, "peers");
    }

    /** How many bits a set of connections has. */
    public int bits() {
        return PROTOCOLS.size() * portStarts.size() + 1;
    }

    /** How many 64-bit words a set of connections takes. */
    public int words() {
        return (bits() + 63) / 64;
    }

    /** The bit of a protocol with ports and a port interval. */
    public int bit(Transport protocol, int interval) {
        int index = PROTOCOLS.indexOf(protocol);
        if (index < 0) {
            throw new IllegalArgumentException(protocol + " has no ports");
        }
        return index * portStarts.size() + interval;
    }

    /** The bit of ICMP (probed as an echo request, type 8). */
    public int icmpBit() {
        return bits() - 1;
    }

    /** A set with every bit: every port of every protocol, and ICMP. */
    public long[] everything() {
        long[] set = new long[words()];
        for (int bit = 0; bit < bits(); bit++) {
            set[bit >>> 6] |= 1L << bit;
        }
        return set;
    }
}
