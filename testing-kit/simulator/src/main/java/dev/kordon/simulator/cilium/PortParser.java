package dev.kordon.simulator.cilium;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads single ports: Cilium {@code ports} items ({@code port} a string: a number, {@code "0"} for every port, or an
 * IANA service name; {@code endPort}; {@code protocol}, ANY when empty), Kubernetes NetworkPolicy ports, and ICMP
 * {@code fields} (a type by number or by name) [CIL-API] {@code l4.go}, {@code icmp.go}, {@code rule_validation.go}.
 */
final class PortParser {

    /** IANA_SVC_NAME: 1-15 lower-case letters, digits and inner single hyphens, at least one letter. */
    private static final Pattern SERVICE_NAME = Pattern.compile("^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?!-))*(?<!-)$");
    private static final Map<String, Integer> ICMP4 = Map.ofEntries(Map.entry("EchoReply", 0),
            Map.entry("DestinationUnreachable", 3), Map.entry("Redirect", 5), Map.entry("Echo", 8),
            Map.entry("EchoRequest", 8), Map.entry("RouterAdvertisement", 9), Map.entry("RouterSelection", 10),
            Map.entry("TimeExceeded", 11), Map.entry("ParameterProblem", 12), Map.entry("Timestamp", 13),
            Map.entry("TimestampReply", 14), Map.entry("Photuris", 40), Map.entry("ExtendedEchoRequest", 42),
            Map.entry("ExtendedEchoReply", 43));
    private static final Map<String, Integer> ICMP6 = Map.ofEntries(Map.entry("DestinationUnreachable", 1),
            Map.entry("PacketTooBig", 2), Map.entry("TimeExceeded", 3), Map.entry("ParameterProblem", 4),
            Map.entry("EchoRequest", 128), Map.entry("EchoReply", 129), Map.entry("MulticastListenerQuery", 130),
            Map.entry("MulticastListenerReport", 131), Map.entry("MulticastListenerDone", 132),
            Map.entry("RouterSolicitation", 133), Map.entry("RouterAdvertisement", 134),
            Map.entry("NeighborSolicitation", 135), Map.entry("NeighborAdvertisement", 136),
            Map.entry("RedirectMessage", 137), Map.entry("RouterRenumbering", 138),
            Map.entry("ICMPNodeInformationQuery", 139), Map.entry("ICMPNodeInformationResponse", 140),
            Map.entry("InverseNeighborDiscoverySolicitation", 141),
            Map.entry("InverseNeighborDiscoveryAdvertisement", 142),
            Map.entry("HomeAgentAddressDiscoveryRequest", 144), Map.entry("HomeAgentAddressDiscoveryReply", 145),
            Map.entry("MobilePrefixSolicitation", 146), Map.entry("MobilePrefixAdvertisement", 147),
            Map.entry("DuplicateAddressRequestCodeSuffix", 157),
            Map.entry("DuplicateAddressConfirmationCodeSuffix", 158), Map.entry("ExtendedEchoRequest", 160),
            Map.entry("ExtendedEchoReply", 161));

    private final ManifestFields fields;

    PortParser(ManifestFields fields) {
        this.fields = fields;
    }

    /** A Cilium {@code ports} item, or empty after reporting why it is unusable. */
    Optional<PortProtocol> cilium(String path, JsonNode node) {
        fields.known(path, node, Set.of("port", "endPort", "protocol"));
        Optional<Protocol> protocol = protocol(path + ".protocol", node.path("protocol"));
        if (!ManifestFields.present(node.path("port"))) {
            fields.problem(path + ".port", "is missing", "give a port number, \"0\" for every port, or a port name");
            return Optional.empty();
        }
        Optional<String> port = fields.string(path + ".port", node.path("port"));
        int endPort = endPort(path + ".endPort", node.path("endPort"));
        if (port.isEmpty() || protocol.isEmpty()) {
            return Optional.empty();
        }
        return number(path, port.get(), endPort, protocol.get(), "port");
    }

    /** A Kubernetes NetworkPolicy {@code ports} item (protocol TCP by default, no port: every port). */
    Optional<PortProtocol> kubernetes(String path, JsonNode node) {
        fields.known(path, node, Set.of("port", "endPort", "protocol"));
        String protocolText = fields.string(path + ".protocol", node.path("protocol")).orElse("TCP");
        if (!Set.of("TCP", "UDP", "SCTP").contains(protocolText)) {
            fields.problem(path + ".protocol", "is not TCP, UDP or SCTP: " + protocolText, "use TCP, UDP or SCTP");
            return Optional.empty();
        }
        Protocol protocol = Protocol.valueOf(protocolText);
        JsonNode port = node.path("port");
        int endPort = endPort(path + ".endPort", node.path("endPort"));
        if (!ManifestFields.present(port)) {
            if (endPort > 0) {
                fields.problem(path + ".endPort", "needs a numeric port", "add port, or remove endPort");
            }
            return Optional.of(new PortProtocol(path, protocol, 0, 0, ""));
        }
        if (port.isIntegralNumber()) {
            if (port.intValue() < 1 || port.intValue() > 65535) {
                fields.problem(path + ".port", "is not a port number 1-65535: " + port, "fix the port");
                return Optional.empty();
            }
            return number(path, String.valueOf(port.intValue()), endPort, protocol, "port");
        }
        return fields.string(path + ".port", port).flatMap(name -> number(path, name, endPort, protocol, "port"));
    }

    private Optional<PortProtocol> number(String path, String text, int endPort, Protocol protocol, String what) {
        if (text.matches("[0-9]+")) {
            int number = text.length() > 5 ? 65536 : Integer.parseInt(text);
            if (number > 65535) {
                fields.problem(path + "." + what, "is not a port number 0-65535: " + text, "fix the port");
                return Optional.empty();
            }
            if (endPort > 0 && (number == 0 || endPort < number)) {
                fields.problem(path + ".endPort", "is " + endPort + ", not a port at or above port " + number,
                        "make endPort at least port, or remove it");
                return Optional.empty();
            }
            return Optional.of(new PortProtocol(path, protocol, number, endPort, ""));
        }
        String name = text.toLowerCase(Locale.ROOT);
        if (name.length() > 15 || !SERVICE_NAME.matcher(name).matches()) {
            fields.problem(path + "." + what, "is neither a port number nor a port name (IANA service name): " + text,
                    "write a number, or the name of a container port");
            return Optional.empty();
        }
        if (endPort > 0) {
            fields.problem(path + ".endPort", "cannot be combined with the named port " + text,
                    "use a numeric port, or remove endPort");
            return Optional.empty();
        }
        return Optional.of(new PortProtocol(path, protocol, -1, 0, name));
    }

    private int endPort(String path, JsonNode node) {
        if (!ManifestFields.present(node)) {
            return 0;
        }
        if (!node.isIntegralNumber() || node.intValue() < 0 || node.intValue() > 65535) {
            fields.problem(path, "is not a port number: " + node, "write a number up to 65535");
            return 0;
        }
        return node.intValue();
    }

    private Optional<Protocol> protocol(String path, JsonNode node) {
        Optional<String> text = fields.string(path, node);
        if (text.isEmpty()) {
            return ManifestFields.present(node) ? Optional.empty() : Optional.of(Protocol.ANY);
        }
        if (Set.of("TCP", "UDP", "SCTP", "ANY").contains(text.get())) {
            return Optional.of(Protocol.valueOf(text.get()));
        }
        if (Set.of("VRRP", "IGMP", "GRE", "IPIP", "IPV6", "ESP", "AH", "ICMP", "ICMPV6").contains(text.get())) {
            fields.unsupported(path, "protocol " + text.get() + " (the simulator models TCP, UDP, SCTP and ANY in"
                    + " toPorts; write ICMP rules under icmps)");
            return Optional.empty();
        }
        fields.problem(path, "is not a protocol Cilium knows: " + text.get(), "use TCP, UDP, SCTP or ANY");
        return Optional.empty();
    }

    /** An ICMP {@code fields} item: family IPv4 (default) or IPv6, type 0-255 or its name. */
    Optional<PortProtocol> icmp(String path, JsonNode node) {
        fields.known(path, node, Set.of("family", "type"));
        String family = fields.string(path + ".family", node.path("family")).orElse("IPv4");
        if (!family.equals("IPv4") && !family.equals("IPv6")) {
            fields.problem(path + ".family", "is not IPv4 or IPv6: " + family, "use IPv4 or IPv6");
            return Optional.empty();
        }
        Map<String, Integer> names = family.equals("IPv4") ? ICMP4 : ICMP6;
        JsonNode type = node.path("type");
        Integer number = null;
        if (type.isIntegralNumber()) {
            number = type.intValue();
        } else if (type.isString()) {
            number = type.stringValue().matches("[0-9]{1,3}") ? Integer.valueOf(type.stringValue())
                    : names.get(type.stringValue());
        }
        if (number == null || number < 0 || number > 255) {
            fields.problem(path + ".type", "is not an " + family + " ICMP type (0-255 or a name such as "
                    + (family.equals("IPv4") ? "EchoRequest" : "EchoRequest, NeighborSolicitation") + "): " + type,
                    "write the type number or its CamelCase name");
            return Optional.empty();
        }
        return Optional.of(new PortProtocol(path, family.equals("IPv4") ? Protocol.ICMP : Protocol.ICMPV6, number, 0,
                ""));
    }
}
