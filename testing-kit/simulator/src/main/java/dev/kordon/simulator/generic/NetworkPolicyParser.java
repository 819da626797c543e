package dev.kordon.simulator.generic;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Parses a {@code networking.k8s.io/v1} NetworkPolicy strictly, with the API server's defaulting ({@code policyTypes},
 * {@code protocol}) and validation (peers, ipBlock, ports, endPort, named ports, protocols, policyTypes).
 */
final class NetworkPolicyParser {

    static final String TYPE = "networking.k8s.io/v1/NetworkPolicy";

    private static final int NO_LIMIT = Integer.MAX_VALUE;

    /** The policy in a manifest; every problem goes to {@code problems}. */
    NetworkPolicy parse(Manifest manifest, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        fields.header(true);
        JsonNode spec = manifest.body().path("spec");
        fields.known("spec", spec, Set.of("podSelector", "policyTypes", "ingress", "egress"));
        String namespace = manifest.namespace().isEmpty() ? "default" : manifest.namespace();
        LabelSelector podSelector = fields.selector("spec.podSelector", spec.path("podSelector"))
                .orElse(LabelSelector.matchingAll());
        List<NetworkPolicy.Rule> ingress = rules(fields, spec, Direction.INGRESS, namespace);
        List<NetworkPolicy.Rule> egress = rules(fields, spec, Direction.EGRESS, namespace);
        Set<Direction> types = policyTypes(fields, spec.path("policyTypes"));
        boolean defaulted = types.isEmpty();
        if (defaulted) {
            // The API server's defaulting: Ingress always, Egress only when there are egress rules.
            types.add(Direction.INGRESS);
            if (!egress.isEmpty()) {
                types.add(Direction.EGRESS);
            }
        }
        return new NetworkPolicy(manifest.kind() + " " + namespace + "/" + manifest.name(), namespace, podSelector,
                types, defaulted, ingress, egress);
    }

    private static Set<Direction> policyTypes(ManifestFields fields, JsonNode node) {
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        List<JsonNode> items = fields.list("spec.policyTypes", node, 0, 2);
        for (int i = 0; i < items.size(); i++) {
            String path = "spec.policyTypes[" + i + "]";
            Optional<String> type = fields.string(path, items.get(i));
            Optional<Direction> direction = type.flatMap(text -> EnumSet.allOf(Direction.class).stream()
                    .filter(d -> d.policyType().equals(text)).findFirst());
            if (type.isPresent() && direction.isEmpty()) {
                fields.problem(path, "is not Ingress or Egress: '" + type.get() + "'", "write Ingress or Egress");
            }
            direction.ifPresent(types::add);
        }
        return types;
    }

    private static List<NetworkPolicy.Rule> rules(ManifestFields fields, JsonNode spec, Direction direction,
            String namespace) {
        String path = "spec." + direction.rulesField();
        List<NetworkPolicy.Rule> rules = new ArrayList<>();
        List<JsonNode> items = fields.list(path, spec.path(direction.rulesField()), 0, NO_LIMIT);
        for (int i = 0; i < items.size(); i++) {
            rules.add(rule(fields, path + "[" + i + "]", items.get(i), direction, namespace));
        }
        return rules;
    }

    private static NetworkPolicy.Rule rule(ManifestFields fields, String path, JsonNode node, Direction direction,
            String namespace) {
        if (!node.isObject()) {
            if (fields.required(path, node, "write {} to match everything, or remove the item")) {
                fields.map(path, node);
            }
            return new NetworkPolicy.Rule(List.of(new Peer.FailClosed("(unreadable rule)")), List.of());
        }
        fields.known(path, node, Set.of("ports", direction.peersField()));
        String peersPath = path + "." + direction.peersField();
        List<Peer> peers = new ArrayList<>();
        List<JsonNode> items = fields.list(peersPath, node.path(direction.peersField()), 0, NO_LIMIT);
        for (int i = 0; i < items.size(); i++) {
            peers.add(peer(fields, peersPath + "[" + i + "]", items.get(i), namespace));
        }
        List<PortMatch> ports = ports(fields, path + ".ports", node.path("ports"));
        boolean onlyAddresses = !peers.isEmpty() && peers.stream().allMatch(peer -> peer instanceof Peer.Addresses);
        boolean named = ports.stream().anyMatch(port -> port instanceof PortMatch.Named);
        if (direction == Direction.EGRESS && onlyAddresses && named) {
            fields.problem(path + ".ports", "names a port, but every peer of this egress rule is an ipBlock: a named"
                    + " port is looked up on the destination pod, and an ipBlock names addresses, not pods"
                    + " (implementations differ: most match nothing)", "write the port number instead of its name");
        }
        return new NetworkPolicy.Rule(peers, ports);
    }

    private static Peer peer(ManifestFields fields, String path, JsonNode node, String namespace) {
        if (!fields.map(path, node)) {
            fields.required(path, node);
            return new Peer.FailClosed("(empty peer)");
        }
        fields.known(path, node, Set.of("podSelector", "namespaceSelector", "ipBlock"));
        boolean pods = !ManifestFields.absent(node.path("podSelector"));
        boolean namespaces = !ManifestFields.absent(node.path("namespaceSelector"));
        boolean ipBlock = !ManifestFields.absent(node.path("ipBlock"));
        if (!pods && !namespaces && !ipBlock) {
            fields.problem(path, "sets none of podSelector, namespaceSelector, ipBlock: a peer must select"
                    + " something", "set one of them; to match every peer, leave the whole list out");
            return new Peer.FailClosed("(empty peer)");
        }
        if (ipBlock && (pods || namespaces)) {
            fields.problem(path, "combines ipBlock with " + (pods ? "podSelector" : "namespaceSelector")
                    + ": an ipBlock must be a peer of its own", "write the ipBlock as a separate list item");
            return new Peer.FailClosed("(ipBlock with selectors)");
        }
        return ipBlock ? ipBlock(fields, path + ".ipBlock", node.path("ipBlock"))
                : selectors(fields, path, node, namespace);
    }

    private static Peer selectors(ManifestFields fields, String path, JsonNode node, String namespace) {
        JsonNode podNode = node.path("podSelector");
        JsonNode namespaceNode = node.path("namespaceSelector");
        Optional<LabelSelector> pods = ManifestFields.absent(podNode) ? Optional.of(LabelSelector.matchingAll())
                : fields.selector(path + ".podSelector", podNode);
        Optional<LabelSelector> namespaces = fields.selector(path + ".namespaceSelector", namespaceNode);
        if (pods.isEmpty() || !ManifestFields.absent(namespaceNode) && namespaces.isEmpty()) {
            return new Peer.FailClosed("(invalid selector)");
        }
        if (namespaces.isEmpty()) {
            return new Peer.Pods(new Peer.SameNamespace(namespace), pods.get(), "podSelector " + pods.get());
        }
        String text = "namespaceSelector " + namespaces.get()
                + (ManifestFields.absent(podNode) ? "" : " and podSelector " + pods.get());
        return new Peer.Pods(new Peer.SelectedNamespaces(namespaces.get()), pods.get(), text);
    }

    private static Peer ipBlock(ManifestFields fields, String path, JsonNode node) {
        if (!fields.map(path, node)) {
            return new Peer.FailClosed("(invalid ipBlock)");
        }
        fields.known(path, node, Set.of("cidr", "except"));
        fields.required(path + ".cidr", node.path("cidr"));
        Optional<Cidr> cidr = fields.cidr(path + ".cidr", node.path("cidr"));
        List<Cidr> except = new ArrayList<>();
        List<JsonNode> items = fields.list(path + ".except", node.path("except"), 0, NO_LIMIT);
        for (int i = 0; i < items.size(); i++) {
            String at = path + ".except[" + i + "]";
            fields.cidr(at, items.get(i)).ifPresent(excepted -> {
                except.add(excepted);
                cidr.filter(block -> !isStrictSubset(excepted, block)).ifPresent(block -> fields.problem(at,
                        "is not a strict subset of cidr " + block + ": '" + excepted + "'",
                        "except only networks inside the cidr, and smaller than it"));
            });
        }
        if (cidr.isEmpty()) {
            return new Peer.FailClosed("(invalid ipBlock)");
        }
        String text = "ipBlock " + cidr.get() + (except.isEmpty() ? ""
                : " except " + except.stream().map(Cidr::toString).collect(Collectors.joining(", ", "[", "]")));
        return new Peer.Addresses(List.of(cidr.get()), except, text);
    }

    private static boolean isStrictSubset(Cidr inner, Cidr outer) {
        return outer.contains(inner) && inner.prefixLength().orElse(0) > outer.prefixLength().orElse(0);
    }

    private static List<PortMatch> ports(ManifestFields fields, String path, JsonNode node) {
        List<PortMatch> ports = new ArrayList<>();
        List<JsonNode> items = fields.list(path, node, 0, NO_LIMIT);
        for (int i = 0; i < items.size(); i++) {
            port(fields, path + "[" + i + "]", items.get(i)).ifPresent(ports::add);
        }
        return ports;
    }

    private static Optional<PortMatch> port(ManifestFields fields, String path, JsonNode node) {
        if (!fields.map(path, node)) {
            fields.required(path, node);
            return Optional.empty();
        }
        fields.known(path, node, Set.of("protocol", "port", "endPort"));
        Optional<Transport> protocol = fields.protocol(path + ".protocol", node.path("protocol"), "NetworkPolicy"
                + " ports filter only TCP, UDP and SCTP (uppercase); leave ports out to match every protocol");
        JsonNode port = node.path("port");
        JsonNode endPort = node.path("endPort");
        if (ManifestFields.absent(port)) {
            if (!ManifestFields.absent(endPort)) {
                fields.problem(path + ".endPort", "is set without a port", "set port to the first port of the"
                        + " range");
            }
            return protocol.map(PortMatch.Numbers::every);
        }
        if (port.isString()) {
            return namedPort(fields, path, port.stringValue(), endPort, protocol);
        }
        Optional<Integer> first = fields.integer(path + ".port", port, PortMatch.FIRST, PortMatch.LAST);
        Optional<Integer> last = ManifestFields.absent(endPort) ? first
                : fields.integer(path + ".endPort", endPort, PortMatch.FIRST, PortMatch.LAST);
        if (first.isPresent() && last.isPresent() && last.get() < first.get()) {
            fields.problem(path + ".endPort", "is below port " + first.get() + ": " + last.get(),
                    "set endPort to the last port of the range, at least port");
            return Optional.empty();
        }
        if (protocol.isEmpty() || first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortMatch.Numbers(protocol.get(), first.get(), last.get()));
    }

    private static Optional<PortMatch> namedPort(ManifestFields fields, String path, String name, JsonNode endPort,
            Optional<Transport> protocol) {
        Optional<String> invalid = LabelSyntax.portNameProblem(name);
        invalid.ifPresent(message -> fields.problem(path + ".port", message, "write a port number, or the name of"
                + " a container port"));
        if (!ManifestFields.absent(endPort)) {
            fields.problem(path + ".endPort", "is set with the named port '" + name + "': a range needs a numeric"
                    + " port", "write the first port of the range as a number, or remove endPort");
            return Optional.empty();
        }
        if (invalid.isPresent() || protocol.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortMatch.Named(name, Set.of(protocol.get())));
    }
}
