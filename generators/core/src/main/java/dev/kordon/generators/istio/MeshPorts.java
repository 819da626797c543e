package dev.kordon.generators.istio;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Protocol;
import dev.kordon.generators.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The TCP ports of an intent as the mesh names them for one destination: Istio only intercepts TCP, matches the
 * destination (container) port as a string, and has neither ranges nor named ports. UDP and SCTP are the CNI layer's.
 */
final class MeshPorts {

    /** The longest port range that is listed port by port. */
    static final int MAX_LISTED = 100;

    /**
     * The TCP ports of one destination.
     *
     * @param all     every TCP port: the rule names no port
     * @param numbers the ports, ascending
     */
    record TcpPorts(boolean all, SortedSet<Integer> numbers) {
        TcpPorts {
            numbers = Collections.unmodifiableSortedSet(new TreeSet<>(numbers));
        }

        /** The ports as Istio writes them; empty for every port. */
        List<String> strings() {
            List<String> strings = new ArrayList<>();
            if (!all) {
                numbers.forEach(number -> strings.add(String.valueOf(number)));
            }
            return strings;
        }
    }

    private MeshPorts() {
    }

    /** The TCP ports of the intent at the destination unit. */
    static TcpPorts of(List<PortMatch> ports, MeshSubjects.Unit unit) {
        SortedSet<Integer> numbers = new TreeSet<>();
        for (PortMatch port : ports) {
            if (port instanceof AnyTraffic || port instanceof AllPorts && ((AllPorts) port).protocol() == Protocol.TCP) {
                return new TcpPorts(true, new TreeSet<>());
            }
            if (port instanceof PortNumber && ((PortNumber) port).protocol() == Protocol.TCP) {
                numbers.add(((PortNumber) port).port());
            } else if (port instanceof PortRange && ((PortRange) port).protocol() == Protocol.TCP) {
                PortRange range = (PortRange) port;
                if (range.to() - range.from() + 1 > MAX_LISTED) {
                    throw new IllegalStateException("port range " + range + " is too long to list; the fidelity check"
                            + " should have refused it");
                }
                for (int number = range.from(); number <= range.to(); number++) {
                    numbers.add(number);
                }
            } else if (port instanceof NamedPort && ((NamedPort) port).protocol() == Protocol.TCP) {
                numbers.add(resolve((NamedPort) port, unit).orElseThrow(() -> new IllegalStateException("named port "
                        + port + " is not declared for " + unit + "; the fidelity check should have refused it")));
            }
        }
        return new TcpPorts(false, numbers);
    }

    /** Why a TCP port of the intent cannot be named at the destination unit, if it cannot. */
    static Optional<MeshProblem> problem(PortMatch port, MeshSubjects.Unit unit) {
        if (port instanceof PortRange && ((PortRange) port).protocol() == Protocol.TCP) {
            PortRange range = (PortRange) port;
            int size = range.to() - range.from() + 1;
            if (size > MAX_LISTED) {
                return Optional.of(MeshProblem.unsupported(Feature.PORT_RANGE, "Istio has no port ranges, and " + range + " ("
                        + size + " ports) is longer than the " + MAX_LISTED + " ports that are listed one by one",
                        "narrow the range to at most " + MAX_LISTED + " ports, or use allTcpPorts()"));
            }
        } else if (port instanceof NamedPort && ((NamedPort) port).protocol() == Protocol.TCP
                && resolve((NamedPort) port, unit).isEmpty()) {
            return Optional.of(MeshProblem.unsupported(Feature.PORT_NAMED, "Istio matches port numbers only, and no workload"
                    + " declared for the destination " + unit.namespace() + " " + unit.selector() + " gives port '"
                    + ((NamedPort) port).name() + "' a TCP number",
                    "name the destination as a workload declared with .withPort(\"" + ((NamedPort) port).name()
                            + "\", tcp(...)), or use the port number"));
        }
        return Optional.empty();
    }

    private static Optional<Integer> resolve(NamedPort port, MeshSubjects.Unit unit) {
        PortNumber declared = unit.ports().get(port.name());
        return declared != null && declared.protocol() == port.protocol() ? Optional.of(declared.port())
                : Optional.empty();
    }

    /** Whether the intent names every TCP port (so an HTTP DENY could not be scoped to its ports). */
    static boolean namesEveryTcpPort(List<PortMatch> ports) {
        return ports.stream().anyMatch(port -> port instanceof AnyTraffic
                || port instanceof AllPorts && ((AllPorts) port).protocol() == Protocol.TCP);
    }

    /** Whether the two intents' TCP traffic may share a port. */
    static boolean tcpMayOverlap(List<PortMatch> a, List<PortMatch> b) {
        return a.stream().filter(MeshPorts::carriesTcp)
                .anyMatch(x -> b.stream().filter(MeshPorts::carriesTcp).anyMatch(x::mayOverlap));
    }

    /** Whether the port match covers TCP traffic, the only kind the mesh intercepts. */
    static boolean carriesTcp(PortMatch port) {
        return port instanceof AnyTraffic || port.isTcpOnly();
    }
}
