package dev.kordon.simulator.analysis;

import dev.kordon.simulator.Transport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The connections allowed from one endpoint to another: either every connection of every protocol, or for each of
 * TCP, UDP and SCTP a set of port ranges (sorted, disjoint, not adjacent).
 */
public final class ConnectionSet {

    /** The protocols with ports, in netpol-analyzer's (alphabetical) order. */
    public static final List<Transport> PORT_PROTOCOLS = List.of(Transport.SCTP, Transport.TCP, Transport.UDP);

    private final boolean all;
    private final Map<Transport, List<PortRange>> ports;

    private ConnectionSet(boolean all, Map<Transport, List<PortRange>> ports) {
        this.all = all;
        this.ports = ports;
    }

    /** Every connection of every protocol. */
    public static ConnectionSet all() {
        return new ConnectionSet(true, Map.of());
    }

    /** The ports of each protocol; ranges are merged where they touch or overlap, empty protocols dropped. */
    public static ConnectionSet of(Map<Transport, List<PortRange>> ports) {
        Map<Transport, List<PortRange>> merged = new EnumMap<>(Transport.class);
        ports.forEach((transport, ranges) -> {
            if (!transport.hasPorts()) {
                throw new IllegalArgumentException(transport + " has no ports");
            }
            List<PortRange> result = merge(ranges);
            if (!result.isEmpty()) {
                merged.put(transport, List.copyOf(result));
            }
        });
        return new ConnectionSet(false, Map.copyOf(merged));
    }

    static List<PortRange> merge(List<PortRange> ranges) {
        List<PortRange> sorted = ranges.stream().sorted((a, b) -> Integer.compare(a.from(), b.from())).toList();
        List<PortRange> result = new ArrayList<>();
        for (PortRange range : sorted) {
            if (!result.isEmpty() && result.get(result.size() - 1).to() >= range.from() - 1) {
                PortRange last = result.remove(result.size() - 1);
                result.add(new PortRange(last.from(), Math.max(last.to(), range.to())));
            } else {
                result.add(range);
            }
        }
        return result;
    }

    /** Whether every connection of every protocol is allowed. */
    public boolean isAll() {
        return all;
    }

    /** Whether nothing is allowed. */
    public boolean isEmpty() {
        return !all && ports.isEmpty();
    }

    /** The allowed ranges of a protocol with ports (all of 1-65535 when {@link #isAll()}). */
    public List<PortRange> ports(Transport transport) {
        if (all) {
            return List.of(new PortRange(1, 65535));
        }
        return ports.getOrDefault(transport, List.of());
    }

    /**
     * netpol-analyzer's text: {@code All Connections}, {@code No Connections}, or each protocol with ports in
     * alphabetical order, e.g. {@code SCTP 1-9002,9004-65535,TCP 80}.
     */
    @Override
    public String toString() {
        if (all) {
            return "All Connections";
        }
        if (ports.isEmpty()) {
            return "No Connections";
        }
        List<String> parts = new ArrayList<>();
        for (Transport transport : PORT_PROTOCOLS) {
            List<PortRange> ranges = ports.get(transport);
            if (ranges != null) {
                parts.add(transport + " " + ranges.stream().map(PortRange::toString).collect(Collectors.joining(",")));
            }
        }
        return String.join(",", parts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionSet that && all == that.all && ports.equals(that.ports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(all, ports);
    }
}
