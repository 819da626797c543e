package dev.kordon.simulator.calico.parse;

import dev.kordon.simulator.calico.model.PortMatch;
import dev.kordon.simulator.calico.model.ProtocolMatch;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Calico's port and protocol syntax ({@code numorstring.Port}, {@code numorstring.Protocol}). */
final class Ports {

    private static final Pattern NAMED = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,5}");
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(Map.entry("TCP", ProtocolMatch.TCP),
            Map.entry("tcp", ProtocolMatch.TCP), Map.entry("UDP", ProtocolMatch.UDP),
            Map.entry("udp", ProtocolMatch.UDP), Map.entry("ICMP", ProtocolMatch.ICMP),
            Map.entry("icmp", ProtocolMatch.ICMP), Map.entry("ICMPv6", ProtocolMatch.ICMPV6),
            Map.entry("icmpv6", ProtocolMatch.ICMPV6), Map.entry("SCTP", ProtocolMatch.SCTP),
            Map.entry("sctp", ProtocolMatch.SCTP), Map.entry("UDPLite", ProtocolMatch.UDPLITE),
            Map.entry("udplite", ProtocolMatch.UDPLITE));

    private Ports() {
    }

    /** {@code 80}, {@code "80"}, {@code "8000:9000"} or a port name. */
    static Optional<PortMatch> port(ManifestFields fields, String path, JsonNode node) {
        if (node.isIntegralNumber() && node.asLong() >= 0 && node.asLong() <= 65535) {
            return Optional.of(new PortMatch.Range(node.asInt(), node.asInt()));
        }
        String text = node.isString() ? node.asString() : "";
        String[] range = text.split(":", -1);
        if (range.length == 2 && NUMBER.matcher(range[0]).matches() && NUMBER.matcher(range[1]).matches()) {
            int first = Integer.parseInt(range[0]);
            int last = Integer.parseInt(range[1]);
            if (last <= 65535 && first <= last) {
                return Optional.of(new PortMatch.Range(first, last));
            }
        } else if (NUMBER.matcher(text).matches() && Integer.parseInt(text) <= 65535) {
            return Optional.of(new PortMatch.Range(Integer.parseInt(text), Integer.parseInt(text)));
        } else if (range.length == 1 && NAMED.matcher(text).matches() && !NUMBER.matcher(text).matches()) {
            return Optional.of(new PortMatch.Named(text));
        }
        fields.problem(path, "is not a port, port range or port name: " + node,
                "write a port (80), an inclusive range with min <= max (\"8000:9000\") or a container port name");
        return Optional.empty();
    }

    /** {@code TCP}, {@code UDP}, {@code ICMP}, {@code ICMPv6}, {@code SCTP}, {@code UDPLite} or 1..255. */
    static Optional<ProtocolMatch> protocol(ManifestFields fields, String path, JsonNode node) {
        if (!ManifestFields.present(node)) {
            return Optional.of(ProtocolMatch.ANY);
        }
        if (node.isIntegralNumber() && node.asLong() >= 1 && node.asLong() <= 255) {
            return Optional.of(new ProtocolMatch(node.asInt(), node.asString()));
        }
        if (node.isString() && PROTOCOLS.containsKey(node.asString())) {
            return Optional.of(new ProtocolMatch(PROTOCOLS.get(node.asString()), node.asString()));
        }
        fields.problem(path, "is not a protocol: " + node,
                "use TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or a protocol number 1..255");
        return Optional.empty();
    }
}
