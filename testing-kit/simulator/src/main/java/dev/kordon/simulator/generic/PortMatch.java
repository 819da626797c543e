package dev.kordon.simulator.generic;

import dev.kordon.simulator.Transport;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** One entry of a rule's port list: numbers of a protocol, or a container port name on the destination pod. */
sealed interface PortMatch permits PortMatch.Numbers, PortMatch.Named {

    /** The first and last port of a protocol. */
    int FIRST = 1;
    int LAST = 65535;

    /**
     * The ports {@code first..last} (inclusive) of a protocol; {@code 1..65535} is every port of it.
     *
     * @param protocol TCP, UDP or SCTP
     * @param first    the first port
     * @param last     the last port
     */
    record Numbers(Transport protocol, int first, int last) implements PortMatch {
        public Numbers {
            Objects.requireNonNull(protocol, "protocol");
            if (!protocol.hasPorts() || first < FIRST || last > LAST || first > last) {
                throw new IllegalArgumentException("not a port range of TCP, UDP or SCTP: " + protocol + "/" + first
                        + "-" + last);
            }
        }

        /** Every port of a protocol. */
        static Numbers every(Transport protocol) {
            return new Numbers(protocol, FIRST, LAST);
        }

        /** Whether the protocol and port are in this range. */
        boolean contains(Transport transport, int port) {
            return transport == protocol && port >= first && port <= last;
        }

        @Override
        public String toString() {
            if (first == FIRST && last == LAST) {
                return protocol + " (any port)";
            }
            return protocol + "/" + first + (first == last ? "" : "-" + last);
        }
    }

    /**
     * A container port name, resolved on the destination pod; it matches when the pod declares a port of that name
     * with one of the protocols.
     *
     * @param name      the port name
     * @param protocols the protocols the port may have (NetworkPolicy: the entry's protocol; ClusterNetworkPolicy
     *                  and AdminNetworkPolicy: any of TCP, UDP, SCTP)
     */
    record Named(String name, Set<Transport> protocols) implements PortMatch {
        public Named {
            Objects.requireNonNull(name, "name");
            protocols = Set.copyOf(protocols);
        }

        /** A name of any protocol. */
        static Named anyProtocol(String name) {
            return new Named(name, EnumSet.of(Transport.TCP, Transport.UDP, Transport.SCTP));
        }

        /** The protocols in declaration order. */
        List<Transport> orderedProtocols() {
            return Arrays.stream(Transport.values()).filter(protocols::contains).toList();
        }

        @Override
        public String toString() {
            return "named port " + name + (protocols.size() == 1 ? " (" + orderedProtocols().get(0) + ")" : "");
        }
    }

    /** A rule's port list as text: {@code [TCP/80, named port web]}. */
    static String describe(List<PortMatch> ports) {
        return ports.stream().map(PortMatch::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
