package dev.kordon.build;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The allowed connections of one pair as netpol-analyzer writes them ({@code All Connections}, or
 * {@code SCTP 1-9002,9004-65535,TCP 80}), read back so that two baselines can be compared port by port.
 */
final class ConnectionText {

    enum Protocol { SCTP, TCP, UDP }

    private final boolean all;
    private final Map<Protocol, List<long[]>> ranges;

    private ConnectionText(boolean all, Map<Protocol, List<long[]>> ranges) {
        this.all = all;
        this.ranges = ranges;
    }

    static ConnectionText parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("All Connections")) {
            return new ConnectionText(true, Map.of());
        }
        if (trimmed.equals("No Connections")) {
            return new ConnectionText(false, Map.of());
        }
        Map<Protocol, List<long[]>> ranges = new EnumMap<>(Protocol.class);
        Protocol current = null;
        for (String part : trimmed.split(",")) {
            String token = part.strip();
            int space = token.indexOf(' ');
            if (space > 0) {
                current = protocol(token.substring(0, space), text);
                token = token.substring(space + 1);
            }
            if (current == null || !token.matches("\\d{1,5}(-\\d{1,5})?")) {
                throw new IllegalArgumentException("not a connection list: '" + text + "' (expected 'All Connections',"
                        + " 'No Connections' or e.g. 'TCP 80,443,UDP 53')");
            }
            String[] bounds = token.split("-", 2);
            long from = Long.parseLong(bounds[0]);
            long to = bounds.length == 2 ? Long.parseLong(bounds[1]) : from;
            ranges.computeIfAbsent(current, p -> new ArrayList<>()).add(new long[] {from, to});
        }
        return new ConnectionText(false, ranges);
    }

    private static Protocol protocol(String name, String text) {
        for (Protocol protocol : Protocol.values()) {
            if (protocol.name().equals(name)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "' in '" + text + "'; use SCTP, TCP or UDP");
    }

    /** What this allows beyond {@code other}, in the same syntax, or empty when nothing. */
    String beyond(ConnectionText other) {
        if (other.all) {
            return "";
        }
        if (all) {
            return "All Connections";
        }
        List<String> parts = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            List<String> extra = new ArrayList<>();
            for (long[] range : ranges.getOrDefault(protocol, List.of())) {
                for (long[] piece : subtract(range, other.ranges.getOrDefault(protocol, List.of()))) {
                    extra.add(piece[0] == piece[1] ? Long.toString(piece[0]) : piece[0] + "-" + piece[1]);
                }
            }
            if (!extra.isEmpty()) {
                parts.add(protocol + " " + String.join(",", extra));
            }
        }
        return String.join(",", parts);
    }

    private static List<long[]> subtract(long[] range, List<long[]> others) {
        List<long[]> rest = new ArrayList<>(List.of(range));
        for (long[] cut : others) {
            List<long[]> next = new ArrayList<>();
            for (long[] piece : rest) {
                if (cut[1] < piece[0] || cut[0] > piece[1]) {
                    next.add(piece);
                    continue;
                }
                if (cut[0] > piece[0]) {
                    next.add(new long[] {piece[0], cut[0] - 1});
                }
                if (cut[1] < piece[1]) {
                    next.add(new long[] {cut[1] + 1, piece[1]});
                }
            }
            rest = next;
        }
        return rest;
    }
}
