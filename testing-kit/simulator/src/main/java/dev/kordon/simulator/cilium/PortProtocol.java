package dev.kordon.simulator.cilium;

import dev.kordon.simulator.Flow;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Pod;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One port of a rule: a protocol with a port number ({@code 0}: every port), an inclusive range up to
 * {@code endPort}, or a named port resolved on the destination pod; for ICMP, the number is the ICMP type.
 *
 * @param field    where it is written, e.g. {@code toPorts[0].ports[1]}
 * @param protocol the protocol
 * @param number   the port (or ICMP type), 0 for every port, -1 for a named port
 * @param endPort  the last port of a range, or 0
 * @param name     the port name (lower case), or empty
 */
record PortProtocol(String field, Protocol protocol, int number, int endPort, String name) {

    PortProtocol {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(name, "name");
    }

    /** Whether the flow is on this port; a named port needs the destination pod to declare it. */
    Check check(Flow flow, Optional<Pod> destination) {
        if (!protocol.covers(flow.transport())) {
            return Check.fail(flowText(flow) + " is not " + this);
        }
        if (protocol == Protocol.ICMP || protocol == Protocol.ICMPV6) {
            return flow.icmpType() == number ? Check.pass(flowText(flow) + " matches " + where())
                    : Check.fail(flowText(flow) + " is not " + this);
        }
        if (!name.isEmpty()) {
            return named(flow, destination);
        }
        boolean in = number == 0 || (endPort > 0 ? flow.port() >= number && flow.port() <= endPort
                : flow.port() == number);
        return in ? Check.pass(flowText(flow) + " matches " + where())
                : Check.fail(flowText(flow) + " is not " + this);
    }

    private Check named(Flow flow, Optional<Pod> destination) {
        if (destination.isEmpty()) {
            return Check.fail("named port " + name + " resolves only on a destination pod, and "
                    + flow.destination() + " is none");
        }
        Optional<ContainerPort> port = destination.get().ports().stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(name)
                        && p.protocol().equals(flow.transport().name()))
                .findFirst();
        if (port.isEmpty()) {
            return Check.fail(destination.get().id() + " declares no " + flow.transport() + " port named " + name);
        }
        return port.get().port() == flow.port()
                ? Check.pass(flowText(flow) + " matches " + where() + " (" + port.get().port() + " on "
                        + destination.get().id() + ")")
                : Check.fail(flowText(flow) + " is not " + this + " (" + port.get().port() + " on "
                        + destination.get().id() + ")");
    }

    private String where() {
        return Paths.relative(field) + " " + this;
    }

    private static String flowText(Flow flow) {
        return flow.transport().hasPorts() ? flow.transport() + "/" + flow.port()
                : flow.transport() + " type " + flow.icmpType();
    }

    @Override
    public String toString() {
        if (protocol == Protocol.ICMP || protocol == Protocol.ICMPV6) {
            return protocol + " type " + number;
        }
        String port = !name.isEmpty() ? name : number == 0 ? "every port" : endPort > 0 ? number + "-" + endPort
                : String.valueOf(number);
        return protocol + "/" + port;
    }
}
