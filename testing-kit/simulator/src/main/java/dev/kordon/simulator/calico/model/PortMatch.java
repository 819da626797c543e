package dev.kordon.simulator.calico.model;

import java.util.Objects;

/** One entry of a rule's {@code ports} or {@code notPorts}: a port, an inclusive range, or a named port. */
public sealed interface PortMatch permits PortMatch.Range, PortMatch.Named {

    /** Ports {@code first..last}, inclusive; a single port has {@code first == last}. */
    record Range(int first, int last) implements PortMatch {
        public Range {
            if (first < 0 || last > 65535 || first > last) {
                throw new IllegalArgumentException("invalid port range " + first + ":" + last);
            }
        }

        /** Whether the port is in the range. */
        public boolean contains(int port) {
            return first <= port && port <= last;
        }

        @Override
        public String toString() {
            return first == last ? Integer.toString(first) : first + ":" + last;
        }
    }

    /** A container port name, resolved on the endpoint at that side of the flow. */
    record Named(String name) implements PortMatch {
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
