package dev.kordon.simulator.analysis;

import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.net.Ipv4Intervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The points where a verdict can change, found by a conservative scan of the policies: every port number, port range
 * end and container port (the targets of named ports), and every IPv4 CIDR. Between two consecutive boundaries every
 * rule of every supported policy kind matches all ports (or addresses) alike, so one probe per interval decides it.
 */
public final class Boundaries {

    private static final Set<String> PORT_FIELDS = Set.of("port", "endPort", "start", "end", "ports", "portNumber",
            "number", "destinationPort", "destinationPorts", "toPorts", "portRange", "containerPort");

    private static final Pattern RANGE_SEPARATOR = Pattern.compile("[-:]");

    private Boundaries() {
    }

    /** The first port of every interval of 1-65535 that the policies and the pods' named ports cut it into. */
    public static List<Integer> portStarts(List<Manifest> policies, List<Pod> pods) {
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(1);
        for (Manifest policy : policies) {
            scanPorts(policy.body(), false, starts);
        }
        for (Pod pod : pods) {
            for (ContainerPort port : pod.ports()) {
                cut(port.port(), port.port(), starts);
            }
        }
        return List.copyOf(starts);
    }

    /** Ranges of 1-65535 starting at each of {@code starts} (sorted, first 1). */
    public static List<PortRange> portIntervals(List<Integer> starts) {
        List<PortRange> ranges = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int last = i + 1 < starts.size() ? starts.get(i + 1) - 1 : 65535;
            ranges.add(new PortRange(starts.get(i), last));
        }
        return ranges;
    }

    /**
     * Every string in the rules of one direction of the policies ({@code ingress} or {@code egress}) that is an IPv4
     * CIDR (with a prefix length): netpol-analyzer cuts the external sources at the ingress CIDRs and the external
     * destinations at the egress ones.
     */
    public static List<String> cidrs(List<Manifest> policies, String direction) {
        TreeSet<String> cidrs = new TreeSet<>();
        for (Manifest policy : policies) {
            scanCidrs(policy.body(), direction, false, cidrs);
        }
        return List.copyOf(cidrs);
    }

    private static void scanPorts(JsonNode node, boolean portField, Set<Integer> starts) {
        if (node.isObject()) {
            node.properties().forEach(entry -> scanPorts(entry.getValue(),
                    PORT_FIELDS.contains(entry.getKey()), starts));
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                scanPorts(item, portField, starts);
            }
        } else if (portField && node.isIntegralNumber()) {
            cut(node.asInt(), node.asInt(), starts);
        } else if (portField && node.isString()) {
            String[] parts = RANGE_SEPARATOR.split(node.asString(), -1);
            try {
                if (parts.length == 1) {
                    cut(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[0].trim()), starts);
                } else if (parts.length == 2) {
                    cut(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), starts);
                }
            } catch (NumberFormatException e) {
                // a named port: its container ports are boundaries already
            }
        }
    }

    /** Adds the boundaries of the port range {@code from}-{@code to}: its first port and the one past its last. */
    public static void cut(int from, int to, Set<Integer> starts) {
        if (from >= 1 && from <= 65535) {
            starts.add(from);
        }
        if (to >= 0 && to < 65535) {
            starts.add(to + 1);
        }
    }

    private static void scanCidrs(JsonNode node, String direction, boolean inside, Set<String> cidrs) {
        if (node.isObject()) {
            node.properties().forEach(entry -> scanCidrs(entry.getValue(), direction,
                    inside || entry.getKey().equals(direction), cidrs));
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                scanCidrs(item, direction, inside, cidrs);
            }
        } else if (inside && node.isString() && node.asString().contains("/")
                && Ipv4Intervals.parse(node.asString()).isPresent()) {
            cidrs.add(node.asString().trim());
        }
    }
}
