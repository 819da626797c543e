package dev.kordon.simulator.cilium;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code toPorts} (with their {@code rules.http} / {@code rules.dns}) and {@code icmps}, and checks them the
 * way the agent does before importing a policy [CIL-API] {@code rule_validation.go}.
 */
final class PortRuleParser {

    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]");

    private final ManifestFields fields;
    private final PortParser ports;

    PortRuleParser(ManifestFields fields) {
        this.fields = fields;
        this.ports = new PortParser(fields);
    }

    /** The {@code toPorts} items of a rule; deny rules take {@code ports} only. */
    List<PortRule> toPorts(String path, JsonNode node, Direction direction, boolean deny) {
        List<PortRule> rules = new ArrayList<>();
        List<JsonNode> items = fields.list(path, node);
        for (int i = 0; i < items.size(); i++) {
            portRule(path + "[" + i + "]", items.get(i), direction, deny).ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<PortRule> portRule(String path, JsonNode node, Direction direction, boolean deny) {
        fields.known(path, node, deny ? Set.of("ports")
                : Set.of("ports", "rules", "terminatingTLS", "originatingTLS", "serverNames", "listener"));
        for (String tls : List.of("terminatingTLS", "originatingTLS", "serverNames", "listener")) {
            if (!deny && ManifestFields.present(node.path(tls))) {
                fields.unsupported(path + "." + tls, "TLS interception, SNI and custom Envoy listeners");
            }
        }
        List<PortProtocol> list = new ArrayList<>();
        List<JsonNode> items = fields.list(path + ".ports", node.path("ports"));
        if (items.isEmpty()) {
            fields.unsupported(path + ".ports", "a port rule without ports (list the ports it is for)");
        }
        if (items.size() > 40) {
            fields.problem(path + ".ports", "has " + items.size() + " ports, more than 40", "split the rule");
        }
        for (int i = 0; i < items.size(); i++) {
            ports.cilium(path + ".ports[" + i + "]", items.get(i)).ifPresent(list::add);
        }
        Optional<L7Rules> l7 = deny ? Optional.empty() : l7(path, node.path("rules"), list, direction);
        return Optional.of(new PortRule(path, list, l7));
    }

    private Optional<L7Rules> l7(String path, JsonNode node, List<PortProtocol> list, Direction direction) {
        String at = path + ".rules";
        if (!fields.isMap(at, node)) {
            return Optional.empty();
        }
        fields.known(at, node, Set.of("http", "dns", "kafka", "l7proto", "l7"));
        for (String removed : List.of("kafka", "l7proto", "l7")) {
            if (ManifestFields.present(node.path(removed))) {
                fields.problem(at + "." + removed, "was removed in Cilium 1.20 (Kafka and generic L7 rules)",
                        "remove it; enforce it with another layer");
            }
        }
        List<JsonNode> http = fields.list(at + ".http", node.path("http"));
        List<JsonNode> dns = fields.list(at + ".dns", node.path("dns"));
        if (!http.isEmpty() && !dns.isEmpty()) {
            fields.problem(at, "has both http and dns rules", "one port rule takes one L7 protocol; split it");
            return Optional.empty();
        }
        if (http.isEmpty() && dns.isEmpty()) {
            return Optional.empty();
        }
        if (list.stream().anyMatch(p -> p.number() == 0)) {
            fields.problem(at, "cannot apply to port 0 (every port)", "name the port the L7 rules are for");
        }
        return http.isEmpty() ? dns(at, dns, list, direction) : http(at, http, list);
    }

    private Optional<L7Rules> http(String path, List<JsonNode> items, List<PortProtocol> list) {
        list.stream().filter(p -> p.protocol() != Protocol.TCP).forEach(p -> fields.problem(p.field() + ".protocol",
                "is " + p.protocol() + ", but HTTP rules apply only to TCP (an empty protocol is ANY)",
                "write protocol: TCP"));
        List<HttpRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            httpRule(path + ".http[" + i + "]", items.get(i)).ifPresent(rules::add);
        }
        return Optional.of(new L7Rules.Http(rules));
    }

    private Optional<HttpRule> httpRule(String path, JsonNode node) {
        fields.known(path, node, Set.of("method", "path", "host", "headers", "headerMatches"));
        Optional<Pattern> method = regex(path + ".method", node.path("method"));
        Optional<Pattern> urlPath = regex(path + ".path", node.path("path"));
        Optional<Pattern> host = regex(path + ".host", node.path("host"));
        List<HttpRule.Header> headers = new ArrayList<>();
        for (String header : fields.strings(path + ".headers", node.path("headers"))) {
            String[] parts = header.split(" ", 2);
            String name = parts[0].replaceAll(":+$", "");
            headers.add(new HttpRule.Header(name, parts.length == 2 ? Optional.of(parts[1]) : Optional.empty()));
        }
        List<JsonNode> matches = fields.list(path + ".headerMatches", node.path("headerMatches"));
        for (int i = 0; i < matches.size(); i++) {
            headerMatch(path + ".headerMatches[" + i + "]", matches.get(i)).ifPresent(headers::add);
        }
        return Optional.of(new HttpRule(path, method, urlPath, host, headers));
    }

    private Optional<HttpRule.Header> headerMatch(String path, JsonNode node) {
        fields.known(path, node, Set.of("name", "value", "secret", "mismatch"));
        Optional<String> name = fields.string(path + ".name", node.path("name"));
        Optional<String> mismatch = fields.string(path + ".mismatch", node.path("mismatch"));
        if (name.isEmpty()) {
            fields.problem(path + ".name", "is missing", "name the header");
            return Optional.empty();
        }
        if (mismatch.isPresent()) {
            if (!Set.of("LOG", "ADD", "DELETE", "REPLACE").contains(mismatch.get())) {
                fields.problem(path + ".mismatch", "is not LOG, ADD, DELETE or REPLACE: " + mismatch.get(),
                        "use one of them");
            }
            return Optional.empty(); // with a mismatch action the header is logged or rewritten, never denied
        }
        if (ManifestFields.present(node.path("secret"))) {
            fields.unsupported(path + ".secret", "header values read from Kubernetes Secrets");
            return Optional.empty();
        }
        return Optional.of(new HttpRule.Header(name.get(), fields.string(path + ".value", node.path("value"))));
    }

    private Optional<Pattern> regex(String path, JsonNode node) {
        Optional<String> text = fields.string(path, node).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (NOT_RE2.matcher(text.get()).find()) {
            fields.problem(path, "uses lookaround or a backreference, which RE2 (Envoy) rejects: " + text.get(),
                    "rewrite the regex without them");
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(text.get()));
        } catch (PatternSyntaxException e) {
            fields.problem(path, "is not a valid regex: " + e.getDescription() + ": " + text.get(),
                    "fix the regex (RE2 syntax, matched against the whole value)");
            return Optional.empty();
        }
    }

    private Optional<L7Rules> dns(String path, List<JsonNode> items, List<PortProtocol> list, Direction direction) {
        if (direction == Direction.INGRESS) {
            fields.problem(path + ".dns", "is not allowed on ingress", "DNS rules go in egress rules towards DNS");
            return Optional.empty();
        }
        if (list.isEmpty()) {
            fields.problem(path + ".dns", "needs an explicit port", "add port: \"53\"");
        }
        list.stream().filter(p -> p.endPort() > 0).forEach(p -> fields.problem(p.field() + ".endPort",
                "is not allowed with DNS rules", "name the single DNS port"));
        list.stream().filter(p -> p.protocol() == Protocol.SCTP).forEach(p -> fields.problem(p.field()
                + ".protocol", "is SCTP, but DNS rules apply to TCP, UDP or ANY", "use UDP, TCP or ANY"));
        List<FqdnMatcher> matchers = new ArrayList<>();
        FqdnParser names = new FqdnParser(fields);
        for (int i = 0; i < items.size(); i++) {
            names.matcher(path + ".dns[" + i + "]", items.get(i)).ifPresent(matchers::add);
        }
        return Optional.of(new L7Rules.Dns(matchers));
    }

    /** The {@code icmps} items of a rule, one port rule each. */
    List<PortRule> icmps(String path, JsonNode node) {
        List<PortRule> rules = new ArrayList<>();
        List<JsonNode> items = fields.list(path, node);
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            fields.known(at, items.get(i), Set.of("fields"));
            List<JsonNode> fieldNodes = fields.list(at + ".fields", items.get(i).path("fields"));
            if (fieldNodes.isEmpty()) {
                fields.problem(at + ".fields", "is empty", "list the ICMP types, e.g. {family: IPv4, type: 8}");
            }
            List<PortProtocol> types = new ArrayList<>();
            for (int j = 0; j < fieldNodes.size(); j++) {
                ports.icmp(at + ".fields[" + j + "]", fieldNodes.get(j)).ifPresent(types::add);
            }
            rules.add(new PortRule(at, types, Optional.empty()));
        }
        return rules;
    }
}
