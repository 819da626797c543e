package dev.kordon.simulator.calico.parse;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.calico.model.Action;
import dev.kordon.simulator.calico.model.Conjunct;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.EntityRule;
import dev.kordon.simulator.calico.model.PortMatch;
import dev.kordon.simulator.calico.model.ProtocolMatch;
import dev.kordon.simulator.calico.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Converts the rules of a ClusterNetworkPolicy as Calico does: one Calico rule per protocol (sorted by name, with
 * all of that protocol's ports) and peer; unconvertible rules fail closed.
 */
final class ClusterRuleConverter {

    private static final String DROPPED = "dropped by Calico: ";

    /** A peer Calico can convert, or the reason it cannot. */
    private record Peer(List<Cidr> nets, List<Conjunct> selector, String unconvertible) {
    }

    private final ManifestFields fields;

    ClusterRuleConverter(ManifestFields fields) {
        this.fields = fields;
    }

    /** Whether the rule exists in Calico's converted policy (not a placeholder for a dropped Accept rule). */
    static boolean isCalicoRule(Rule rule) {
        return !rule.origin().startsWith(DROPPED);
    }

    List<Rule> convert(String path, JsonNode node, Direction direction) {
        List<JsonNode> items = fields.list(path, node);
        if (items.size() > 25) {
            fields.problem(path, "has " + items.size() + " rules, more than 25", "split the policy");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rules.addAll(rule(path + "[" + i + "]", items.get(i), i, direction));
        }
        return rules;
    }

    private List<Rule> rule(String path, JsonNode node, int index, Direction direction) {
        String peersField = direction == Direction.INGRESS ? "from" : "to";
        fields.known(path, node, Set.of("name", "action", peersField, "protocols"));
        if (!node.isObject()) {
            return List.of();
        }
        fields.string(path + ".name", node.get("name")).filter(name -> name.length() > 100).ifPresent(name ->
                fields.problem(path + ".name", "is longer than 100 characters", "shorten it"));
        Optional<Action> action = action(path + ".action", node.get("action"));
        List<JsonNode> peerNodes = fields.list(path + "." + peersField, node.get(peersField));
        if (peerNodes.isEmpty() || peerNodes.size() > 25) {
            fields.problem(path + "." + peersField, "must list 1..25 peers", "list the peers the rule applies to");
        }
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < peerNodes.size(); i++) {
            peers.add(peer(path + "." + peersField + "[" + i + "]", peerNodes.get(i), direction));
        }
        Map<String, List<PortMatch>> protocols = protocols(path + ".protocols", node.get("protocols"));
        if (action.isEmpty()) {
            return List.of();
        }
        Optional<String> unconvertible = peers.stream().map(Peer::unconvertible).filter(why -> !why.isEmpty())
                .findFirst().or(() -> protocols.containsKey("named") ? Optional.of(
                        "Calico does not convert destinationNamedPort yet") : Optional.empty());
        if (unconvertible.isPresent()) {
            return List.of(failClosed(index, action.get(), unconvertible.get()));
        }
        return calicoRules(index, action.get(), protocols, peers, direction);
    }

    /** One Calico rule per protocol (with all its ports) and peer. */
    private static List<Rule> calicoRules(int index, Action action, Map<String, List<PortMatch>> protocols,
            List<Peer> peers, Direction direction) {
        String peersField = direction == Direction.INGRESS ? "from" : "to";
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<String, List<PortMatch>> protocol : protocols.entrySet()) {
            ProtocolMatch match = protocol.getKey().isEmpty() ? ProtocolMatch.ANY : new ProtocolMatch(
                    protocol.getKey().equals("TCP") ? ProtocolMatch.TCP : protocol.getKey().equals("UDP")
                    ? ProtocolMatch.UDP : ProtocolMatch.SCTP, protocol.getKey());
            for (int i = 0; i < peers.size(); i++) {
                String origin = peers.size() > 1 ? peersField + "[" + i + "]" : "";
                Peer peer = peers.get(i);
                EntityRule side = new EntityRule(peer.nets(), List.of(), peer.selector(), List.of(),
                        direction == Direction.EGRESS ? protocol.getValue() : List.of(), List.of());
                EntityRule ports = new EntityRule(List.of(), List.of(), List.of(), List.of(), protocol.getValue(),
                        List.of());
                rules.add(direction == Direction.INGRESS ? Rule.of(index, origin, action, match, side, ports)
                        : Rule.of(index, origin, action, match, EntityRule.ANY, side));
            }
        }
        return rules;
    }

    private static Rule failClosed(int index, Action action, String why) {
        if (action == Action.ALLOW) {
            return ClusterPolicyReader.matchesNothing(index, why + "; an Accept rule it cannot convert matches"
                    + " nothing");
        }
        return Rule.of(index, "replaced by Calico with Deny everything (fail closed): " + why, Action.DENY,
                ProtocolMatch.ANY, EntityRule.ANY, EntityRule.ANY);
    }

    private Optional<Action> action(String path, JsonNode node) {
        String text = fields.string(path, node).orElse("");
        return switch (text) {
            case "Accept" -> Optional.of(Action.ALLOW);
            case "Deny" -> Optional.of(Action.DENY);
            case "Pass" -> Optional.of(Action.PASS);
            default -> {
                fields.problem(path, text.isEmpty() ? "is missing" : "is not Accept, Deny or Pass: '" + text + "'",
                        "use Accept, Deny or Pass (v1alpha2 renamed Allow to Accept)");
                yield Optional.empty();
            }
        };
    }

    private Peer peer(String path, JsonNode node, Direction direction) {
        Set<String> known = direction == Direction.INGRESS ? Set.of("namespaces", "pods")
                : Set.of("namespaces", "pods", "networks", "nodes", "domainNames");
        fields.known(path, node, known);
        if (!node.isObject()) {
            return new Peer(List.of(), List.of(), "");
        }
        if (node.size() != 1) {
            fields.problem(path, "must set exactly one of " + String.join(", ", new java.util.TreeSet<>(known)),
                    "write one peer per list item");
            return new Peer(List.of(), List.of(), "");
        }
        if (node.has("namespaces")) {
            LabelSelector namespaces = fields.labelSelector(path + ".namespaces", node.get("namespaces"));
            return new Peer(List.of(), List.of(Scopes.kubernetesNamespaces("namespaces " + namespaces, namespaces)),
                    "");
        }
        if (node.has("pods")) {
            return new Peer(List.of(), ClusterPolicyReader.pods(fields, path + ".pods", node.get("pods"), "pods"), "");
        }
        if (node.has("networks")) {
            List<Cidr> nets = new ArrayList<>();
            List<String> texts = fields.strings(path + ".networks", node.get("networks"));
            if (texts.isEmpty() || texts.size() > 25) {
                fields.problem(path + ".networks", "must list 1..25 CIDRs", "list the networks");
            }
            for (int i = 0; i < texts.size(); i++) {
                String at = path + ".networks[" + i + "]";
                if (!texts.get(i).contains("/")) {
                    fields.problem(at, "is not a CIDR: '" + texts.get(i) + "'", "write a CIDR such as 10.0.0.0/8");
                    continue;
                }
                fields.cidrOrIp(at, texts.get(i)).ifPresent(nets::add);
            }
            return new Peer(nets, List.of(), "");
        }
        String field = node.has("nodes") ? "nodes" : "domainNames";
        return new Peer(List.of(), List.of(), "Calico does not convert " + field + " peers");
    }

    /** Ports by protocol name ("" when the rule has no protocols, "named" when it uses a named port). */
    private Map<String, List<PortMatch>> protocols(String path, JsonNode node) {
        Map<String, List<PortMatch>> protocols = new TreeMap<>();
        List<JsonNode> items = fields.list(path, node);
        if (items.isEmpty()) {
            if (ManifestFields.present(node)) {
                fields.problem(path, "is empty", "list 1..25 protocols, or leave protocols out to match all");
            }
            protocols.put("", List.of());
            return protocols;
        }
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode item = items.get(i);
            fields.known(at, item, Set.of("tcp", "udp", "sctp", "destinationNamedPort"));
            if (!item.isObject()) {
                continue;
            }
            if (item.size() != 1) {
                fields.problem(at, "must set exactly one of tcp, udp, sctp, destinationNamedPort",
                        "write one protocol per list item");
                continue;
            }
            if (item.has("destinationNamedPort")) {
                fields.string(at + ".destinationNamedPort", item.get("destinationNamedPort"));
                protocols.put("named", List.of());
                continue;
            }
            String name = item.has("tcp") ? "TCP" : item.has("udp") ? "UDP" : "SCTP";
            String field = name.toLowerCase(java.util.Locale.ROOT);
            destinationPort(at + "." + field, item.get(field)).ifPresent(port ->
                    protocols.computeIfAbsent(name, key -> new ArrayList<>()).add(port));
        }
        return protocols;
    }

    private Optional<PortMatch> destinationPort(String path, JsonNode node) {
        fields.known(path, node, Set.of("destinationPort"));
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode port = node.path("destinationPort");
        if (!port.isObject() || port.size() != 1) {
            fields.problem(path + ".destinationPort", "must set exactly one of number and range",
                    "write destinationPort: {number: 80} or {range: {start: 8000, end: 9000}}");
            return Optional.empty();
        }
        fields.known(path + ".destinationPort", port, Set.of("number", "range"));
        if (port.has("number")) {
            return fields.integer(path + ".destinationPort.number", port.get("number"), 1, 65535)
                    .map(number -> new PortMatch.Range(number, number));
        }
        JsonNode range = port.path("range");
        fields.known(path + ".destinationPort.range", range, Set.of("start", "end"));
        Optional<Integer> start = fields.integer(path + ".destinationPort.range.start", range.get("start"), 1, 65535);
        Optional<Integer> end = fields.integer(path + ".destinationPort.range.end", range.get("end"), 1, 65535);
        if (start.isEmpty() || end.isEmpty() || start.get() >= end.get()) {
            fields.problem(path + ".destinationPort.range", "must have start < end, both in 1..65535",
                    "write a range with start below end");
            return Optional.empty();
        }
        return Optional.of(new PortMatch.Range(start.get(), end.get()));
    }
}
