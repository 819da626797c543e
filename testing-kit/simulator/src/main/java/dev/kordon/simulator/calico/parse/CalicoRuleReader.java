package dev.kordon.simulator.calico.parse;

import dev.kordon.simulator.calico.model.Action;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.HttpMatch;
import dev.kordon.simulator.calico.model.IcmpMatch;
import dev.kordon.simulator.calico.model.ProtocolMatch;
import dev.kordon.simulator.calico.model.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the rules of a Calico policy or profile, with the cross-field checks of Calico's validator. */
final class CalicoRuleReader {

    private static final Set<String> FIELDS = Set.of("action", "protocol", "notProtocol", "icmp", "notICMP",
            "ipVersion", "source", "destination", "http", "metadata");

    private final ManifestFields fields;
    private final EntityRuleReader sides;

    CalicoRuleReader(ManifestFields fields, String policyNamespace) {
        this.fields = fields;
        this.sides = new EntityRuleReader(fields, policyNamespace);
    }

    List<Rule> rules(String path, JsonNode node, Direction direction) {
        List<JsonNode> items = fields.list(path, node);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rule(path + "[" + i + "]", items.get(i), i, direction).ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<Rule> rule(String path, JsonNode node, int index, Direction direction) {
        fields.known(path, node, FIELDS);
        if (!node.isObject()) {
            return Optional.empty();
        }
        fields.known(path + ".metadata", node.path("metadata"), Set.of("annotations"));
        Optional<Action> action = action(path + ".action", node.get("action"));
        Optional<ProtocolMatch> protocol = Ports.protocol(fields, path + ".protocol", node.get("protocol"));
        Optional<ProtocolMatch> notProtocol = Ports.protocol(fields, path + ".notProtocol", node.get("notProtocol"));
        IcmpMatch icmp = icmp(path + ".icmp", node.get("icmp"));
        IcmpMatch notIcmp = icmp(path + ".notICMP", node.get("notICMP"));
        int ipVersion = ipVersion(path + ".ipVersion", node.get("ipVersion"));
        EntityRuleReader.Side source = sides.read(path + ".source", node.get("source"), true);
        EntityRuleReader.Side destination = sides.read(path + ".destination", node.get("destination"), false);
        HttpMatch http = new HttpReader(fields).read(path + ".http", node.get("http"));
        if (action.isEmpty() || protocol.isEmpty() || notProtocol.isEmpty()) {
            return Optional.empty();
        }
        checkPorts(path, protocol.get(), destination);
        checkIcmp(path, protocol.get(), ipVersion, icmp.present() || notIcmp.present());
        if (http.present()) {
            checkHttp(path, action.get(), protocol.get(), direction);
        }
        return Optional.of(new Rule(index, "", action.get(), protocol.get(), notProtocol.get(), icmp, notIcmp,
                ipVersion, source.rule(), destination.rule(), http));
    }

    private Optional<Action> action(String path, JsonNode node) {
        Optional<String> text = fields.string(path, node);
        if (text.isEmpty()) {
            if (!ManifestFields.present(node)) {
                fields.problem(path, "is missing", "every rule needs an action: Allow, Deny, Log or Pass");
            }
            return Optional.empty();
        }
        for (Action action : Action.values()) {
            if (action.toString().equals(text.get())) {
                return Optional.of(action);
            }
        }
        fields.problem(path, "is not a Calico action: '" + text.get() + "'", "use Allow, Deny, Log or Pass");
        return Optional.empty();
    }

    private IcmpMatch icmp(String path, JsonNode node) {
        if (!ManifestFields.present(node)) {
            return IcmpMatch.NONE;
        }
        fields.known(path, node, Set.of("type", "code"));
        if (!node.isObject()) {
            return IcmpMatch.NONE;
        }
        Optional<Integer> type = fields.integer(path + ".type", node.get("type"), 0, 254);
        Optional<Integer> code = fields.integer(path + ".code", node.get("code"), 0, 255);
        if (code.isPresent() && type.isEmpty()) {
            fields.problem(path + ".code", "is set without a type", "set the ICMP type too");
            return IcmpMatch.NONE;
        }
        return type.map(t -> new IcmpMatch(t, code.orElse(-1))).orElse(IcmpMatch.NONE);
    }

    private int ipVersion(String path, JsonNode node) {
        Optional<Integer> version = fields.integer(path, node, 4, 6);
        if (version.isPresent() && version.get() == 5) {
            fields.problem(path, "is not 4 or 6: 5", "write 4 or 6");
            return 0;
        }
        return version.orElse(0);
    }

    private void checkPorts(String path, ProtocolMatch protocol, EntityRuleReader.Side destination) {
        if (destination.numericPorts() && !protocol.supportsPorts()) {
            fields.problem(path + ".protocol", protocol.isAny() ? "is missing, but the rule has numeric ports"
                    : "is " + protocol + ", which has no ports, but the rule has ports",
                    "set protocol TCP, UDP or SCTP for a rule with ports");
        } else if (destination.anyPorts() && !protocol.isAny() && !protocol.supportsPorts()) {
            fields.problem(path + ".protocol", "is " + protocol + ", which has no ports, but the rule has ports",
                    "set protocol TCP, UDP or SCTP for a rule with ports");
        }
    }

    private void checkIcmp(String path, ProtocolMatch protocol, int ipVersion, boolean icmp) {
        if (icmp && !protocol.isIcmp()) {
            fields.problem(path + ".protocol", "must be ICMP or ICMPv6 when icmp or notICMP is set",
                    "set protocol ICMP (IPv4) or ICMPv6 (IPv6)");
        }
        if (ipVersion == 4 && protocol.number() == ProtocolMatch.ICMPV6
                || ipVersion == 6 && protocol.number() == ProtocolMatch.ICMP) {
            fields.problem(path + ".ipVersion", "is " + ipVersion + ", which contradicts protocol " + protocol,
                    "use ICMP with ipVersion 4 and ICMPv6 with ipVersion 6");
        }
    }

    private void checkHttp(String path, Action action, ProtocolMatch protocol, Direction direction) {
        if (direction == Direction.EGRESS) {
            fields.problem(path + ".http", "is not allowed in an egress rule (Calico rejects it; Application Layer"
                    + " Policy checks requests only at their destination)", "move the HTTP match to an ingress rule"
                    + " of the destination's policy");
        }
        if (action != Action.ALLOW) {
            fields.problem(path + ".http", "is allowed only in an Allow rule, not " + action,
                    "use action Allow, or remove the http match");
        }
        if (!protocol.isAny() && protocol.number() != ProtocolMatch.TCP) {
            fields.problem(path + ".http", "needs protocol TCP (or none), not " + protocol,
                    "set protocol TCP or remove it");
        }
    }

    /** Reads an {@code http} clause. */
    private static final class HttpReader {
        private final ManifestFields fields;

        HttpReader(ManifestFields fields) {
            this.fields = fields;
        }

        HttpMatch read(String path, JsonNode node) {
            if (!ManifestFields.present(node)) {
                return HttpMatch.NONE;
            }
            fields.known(path, node, Set.of("methods", "paths"));
            if (!node.isObject()) {
                return HttpMatch.NONE;
            }
            List<String> methods = fields.strings(path + ".methods", node.get("methods"));
            if (new HashSet<>(methods).size() != methods.size()) {
                fields.problem(path + ".methods", "lists a method twice: " + methods, "list each method once");
            }
            List<HttpMatch.Path> paths = new ArrayList<>();
            List<JsonNode> items = fields.list(path + ".paths", node.get("paths"));
            for (int i = 0; i < items.size(); i++) {
                path(path + ".paths[" + i + "]", items.get(i)).ifPresent(paths::add);
            }
            return new HttpMatch(true, methods, paths);
        }

        private Optional<HttpMatch.Path> path(String path, JsonNode node) {
            fields.known(path, node, Set.of("exact", "prefix"));
            if (!node.isObject()) {
                return Optional.empty();
            }
            Optional<String> exact = fields.string(path + ".exact", node.get("exact"));
            Optional<String> prefix = fields.string(path + ".prefix", node.get("prefix"));
            if (exact.isPresent() == prefix.isPresent()) {
                fields.problem(path, "must set exactly one of exact and prefix", "write {exact: /x} or {prefix: /x}");
                return Optional.empty();
            }
            String value = exact.or(() -> prefix).orElseThrow();
            if (!value.startsWith("/") || value.contains("?") || value.contains("#") || value.contains(" ")) {
                fields.problem(path + (exact.isPresent() ? ".exact" : ".prefix"), "is not a valid HTTP path: '"
                        + value + "'", "start it with / and leave out query (?), fragment (#) and spaces");
                return Optional.empty();
            }
            return Optional.of(new HttpMatch.Path(exact.isPresent(), value));
        }
    }
}
