package dev.kordon.simulator.cilium;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code toPorts} item (or one {@code icmps} item): ports, any of which may match, and the L7 rules the proxy
 * enforces on them.
 *
 * @param field where it is written, e.g. {@code toPorts[0]}
 * @param ports the ports
 * @param l7    the HTTP or DNS rules, if any
 */
record PortRule(String field, List<PortProtocol> ports, Optional<L7Rules> l7) {

    PortRule {
        Objects.requireNonNull(field, "field");
        ports = List.copyOf(ports);
        Objects.requireNonNull(l7, "l7");
    }
}
