package dev.kordon.generators.calico;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Protocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An intent's ports as Calico rules need them: one group per protocol, since a rule has one {@code protocol}.
 * Numbers, {@code "from:to"} ranges and names of one protocol share a rule (at most 50 per rule, by number, range,
 * then name); every port of a protocol is the protocol without ports; any traffic is one group without protocol or
 * ports.
 *
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}, or {@code null} for every protocol
 * @param ports    the destination ports, empty for every port
 */
record PortGroup(String protocol, List<EntityRule.Port> ports) {

    private static final int MAX_PORTS = 50;
    private static final int SEXAGESIMAL = 60;

    PortGroup {
        ports = List.copyOf(ports);
    }

    /** The groups of the ports, by protocol in the order TCP, UDP, SCTP; ports by number, range, then name. */
    static List<PortGroup> of(List<PortMatch> ports) {
        if (ports.stream().anyMatch(port -> port instanceof AnyTraffic)) {
            return List.of(new PortGroup(null, List.of()));
        }
        Map<Protocol, List<PortMatch>> byProtocol = new EnumMap<>(Protocol.class);
        for (PortMatch port : ports) {
            byProtocol.computeIfAbsent(protocol(port), key -> new ArrayList<>()).add(port);
        }
        List<PortGroup> groups = new ArrayList<>();
        byProtocol.forEach((protocol, matches) -> groups.addAll(groups(protocol, matches)));
        return groups;
    }

    private static List<PortGroup> groups(Protocol protocol, List<PortMatch> matches) {
        String name = protocol.name();
        if (matches.stream().anyMatch(port -> port instanceof AllPorts)) {
            return List.of(new PortGroup(name, List.of()));
        }
        List<EntityRule.Port> sorted = matches.stream().flatMap(port -> ports(port).stream()).distinct()
                .sorted(Comparator.comparingInt(PortGroup::rank).thenComparingInt(PortGroup::first)
                        .thenComparing(port -> String.valueOf(port.value())))
                .toList();
        List<PortGroup> groups = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += MAX_PORTS) {
            groups.add(new PortGroup(name, sorted.subList(from, Math.min(sorted.size(), from + MAX_PORTS))));
        }
        return groups;
    }

    /**
     * The Calico ports of a match. A range that ends below 60 is written port by port: YAML 1.1 readers take
     * {@code 20:25} for the base-60 number 1225.
     */
    private static List<EntityRule.Port> ports(PortMatch port) {
        if (port instanceof PortNumber) {
            return List.of(EntityRule.Port.number(((PortNumber) port).port()));
        }
        if (port instanceof PortRange) {
            PortRange range = (PortRange) port;
            if (range.to() >= SEXAGESIMAL) {
                return List.of(EntityRule.Port.range(range.from(), range.to()));
            }
            return IntStream.rangeClosed(range.from(), range.to()).mapToObj(EntityRule.Port::number).toList();
        }
        return List.of(EntityRule.Port.named(((NamedPort) port).name()));
    }

    private static Protocol protocol(PortMatch port) {
        if (port instanceof PortNumber) {
            return ((PortNumber) port).protocol();
        }
        if (port instanceof PortRange) {
            return ((PortRange) port).protocol();
        }
        if (port instanceof NamedPort) {
            return ((NamedPort) port).protocol();
        }
        return ((AllPorts) port).protocol();
    }

    private static int rank(EntityRule.Port port) {
        return port.number() != null ? 0 : port.text().contains(":") ? 1 : 2;
    }

    private static int first(EntityRule.Port port) {
        return port.number() != null ? port.number()
                : port.text().contains(":") ? Integer.parseInt(port.text().substring(0, port.text().indexOf(':'))) : 0;
    }
}
