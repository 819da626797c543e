package dev.kordon.codegen.importer;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.Condition;
import dev.kordon.dsl.HeaderMatch;
import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.PathPattern;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One rule of an AuthorizationPolicy read as the parts of DSL intents (backends.md §5.2): {@code from} sources as
 * peers ({@link IstioSources}, and request principals as conditions), {@code to} operations as TCP ports and HTTP rules, {@code when} as
 * request conditions and header matches. Every field the DSL cannot say exactly is reported through {@link Report},
 * all of them, not just the first.
 */
final class IstioRules {

    /** Where the reader reports a field it cannot say: the field's path, what it is and why, and the fix. */
    interface Report {
        void unsupported(String field, String message, String fix);
    }

    /**
     * One intent's worth of a rule: these sources, on these ports, with these HTTP alternatives (none: any traffic
     * on the ports) and conditions (all must hold).
     */
    record Part(List<Peer> sources, List<PortMatch> ports, List<HttpRule> http, List<Condition> conditions) {
        Part {
            sources = List.copyOf(sources);
            ports = List.copyOf(ports);
            http = List.copyOf(http);
            conditions = List.copyOf(conditions);
        }
    }

    private static final Pattern CLAIM = Pattern.compile("request\\.auth\\.claims((\\[[^\\[\\]]+\\])+)");
    private static final Pattern HEADER = Pattern.compile("request\\.headers\\[([^\\[\\]]+)\\]");
    static final String BY_HAND = "declare what the rule means with the DSL by hand (docs/dsl.md), or keep"
            + " applying this manifest beside the generated ones";

    private final IstioSources sources;
    private final Report report;

    /** A reader of the rules of a policy in {@code namespace} (for {@code serviceAccounts} without a namespace). */
    IstioRules(String namespace, Report report) {
        this.sources = new IstioSources(namespace, report);
        this.report = report;
    }

    /** The parts of the rule at {@code path}: one per group of sources and group of operations. */
    List<Part> parts(String path, JsonNode rule) {
        Map<List<Condition>, List<Peer>> sources = this.sources.of(path + ".from", rule.path("from"));
        Map<List<PortMatch>, List<HttpRule>> operations = operations(path + ".to", rule.path("to"));
        List<Condition> conditions = new ArrayList<>();
        List<List<HeaderMatch>> headers = when(path + ".when", rule.path("when"), conditions);
        List<Part> parts = new ArrayList<>();
        sources.forEach((requestPrincipals, peers) -> operations.forEach((ports, http) -> {
            List<Condition> all = new ArrayList<>(requestPrincipals);
            all.addAll(conditions);
            parts.add(new Part(peers, ports, withHeaders(http, headers), all));
        }));
        return parts;
    }

    // ---- to ------------------------------------------------------------------------------------------------------

    /**
     * The operations, grouped by their ports: the HTTP rules of one group are alternatives, and a group with an
     * operation that has no HTTP field has none (any traffic on the ports). No {@code to} is every TCP port.
     */
    private Map<List<PortMatch>, List<HttpRule>> operations(String path, JsonNode to) {
        Map<List<PortMatch>, List<HttpRule>> groups = new LinkedHashMap<>();
        if (to.isMissingNode() || to.isNull()) {
            groups.put(List.of(new AllPorts(Protocol.TCP)), List.of());
            return groups;
        }
        Map<List<PortMatch>, Boolean> anyRequest = new LinkedHashMap<>();
        for (int i = 0; i < to.size(); i++) {
            String at = path + "[" + i + "].operation";
            JsonNode operation = to.get(i).path("operation");
            operation.properties().forEach(field -> {
                if (field.getKey().startsWith("not")) {
                    report.unsupported(at + "." + field.getKey(), IstioSources.why(field.getKey()), BY_HAND);
                }
            });
            List<PortMatch> ports = strings(operation.path("ports")).stream()
                    .map(port -> (PortMatch) new PortNumber(Protocol.TCP, Integer.parseInt(port))).toList();
            List<PortMatch> key = ports.isEmpty() ? List.of(new AllPorts(Protocol.TCP)) : ports;
            Optional<HttpRule> http = http(at, operation);
            groups.computeIfAbsent(key, k -> new ArrayList<>());
            http.ifPresentOrElse(groups.get(key)::add, () -> anyRequest.put(key, true));
        }
        anyRequest.keySet().forEach(key -> groups.put(key, List.of()));
        return groups;
    }

    /** The HTTP fields of an operation as one rule; empty when it has none (or only {@code paths: ["*"]}). */
    private Optional<HttpRule> http(String at, JsonNode operation) {
        List<HttpMethod> methods = new ArrayList<>();
        List<String> methodValues = strings(operation.path("methods"));
        for (int m = 0; m < methodValues.size(); m++) {
            String method = methodValues.get(m);
            if (method.contains("*")) {
                report.unsupported(at + ".methods[" + m + "]", "the method pattern '" + method + "' cannot be said in"
                        + " the DSL, which names methods exactly", "list the methods one by one");
            } else {
                methods.add(HttpMethod.of(method));
            }
        }
        List<PathPattern> paths = new ArrayList<>();
        List<String> pathValues = strings(operation.path("paths"));
        boolean anyPath = pathValues.contains("*");
        for (int p = 0; p < pathValues.size() && !anyPath; p++) {
            path(at + ".paths[" + p + "]", pathValues.get(p)).ifPresent(paths::add);
        }
        List<String> hosts = hosts(at + ".hosts", strings(operation.path("hosts")));
        if (methods.isEmpty() && paths.isEmpty() && hosts.isEmpty()) {
            return Optional.empty();
        }
        HttpRule rule = HttpRule.of(methods, paths);
        for (String host : hosts) {
            rule = rule.withHost(host);
        }
        return Optional.of(rule);
    }

    /**
     * Istio's exact path, {@code prefix*} and {@code *suffix} (as the DSL glob {@code /*suffix}, since every request
     * path starts with {@code /}); anything else is reported.
     */
    private Optional<PathPattern> path(String at, String value) {
        long stars = value.chars().filter(c -> c == '*').count();
        boolean template = value.contains("{") || value.contains("}");
        if (!template && stars == 0 && value.startsWith("/")) {
            return Optional.of(PathPattern.of(value));
        }
        if (!template && stars == 1 && value.endsWith("*") && value.startsWith("/")) {
            return Optional.of(PathPattern.of(value));
        }
        if (!template && stars == 1 && value.startsWith("*") && !value.startsWith("*/")) {
            return Optional.of(PathPattern.of("/" + value));
        }
        String why = template ? "Istio's path templates ({*}, {**}) match whole segments, which a DSL glob cannot say"
                : stars == 0 ? "a path that does not start with '/' has no DSL pattern"
                : value.startsWith("*/") ? "Istio's suffix '" + value + "' also matches '" + value.substring(1)
                        + "' itself, which the DSL glob '/" + value + "' does not"
                : "Istio reads '*' inside a path literally, where the DSL reads it as a wildcard";
        report.unsupported(at, "the path '" + value + "' cannot be said in the DSL: " + why, "write exact paths,"
                + " prefixes ('/api/*') or suffixes ('*.png'), or " + BY_HAND);
        return Optional.empty();
    }

    /**
     * The hosts the DSL says: {@code h} when the list has {@code h}, {@code h.}, {@code h:*} and {@code h.:*} (the DSL
     * matches a host with or without a trailing dot and any port), as Kordon writes them. Anything else is reported.
     */
    private List<String> hosts(String at, List<String> values) {
        List<String> lower = values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
        List<String> hosts = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (String host : lower) {
            List<String> forms = List.of(host, host + ".", host + ":*", host + ".:*");
            if (!host.contains("*") && !host.contains(":") && !host.endsWith(".") && lower.containsAll(forms)) {
                hosts.add(host);
                covered.addAll(forms);
            }
        }
        for (int h = 0; h < values.size(); h++) {
            if (!covered.contains(lower.get(h))) {
                report.unsupported(at + "[" + h + "]", "the host '" + values.get(h) + "' cannot be said in the DSL: a"
                        + " DSL host also matches its name with a trailing dot and with any port, where Istio matches"
                        + " the :authority exactly or by prefix or suffix", "write each host as the four forms h,"
                        + " 'h.', 'h:*' and 'h.:*' (what withHost(h) means), or " + BY_HAND);
            }
        }
        return hosts;
    }

    // ---- when ----------------------------------------------------------------------------------------------------

    /**
     * The conditions the DSL has, added to {@code conditions}; the header conditions are returned, each as its
     * alternatives (one header match per value).
     */
    private List<List<HeaderMatch>> when(String path, JsonNode when, List<Condition> conditions) {
        List<List<HeaderMatch>> headers = new ArrayList<>();
        for (int i = 0; i < when.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode condition = when.get(i);
            String key = condition.path("key").asString("");
            List<String> values = strings(condition.path("values"));
            if (condition.has("notValues")) {
                report.unsupported(at + ".notValues", IstioSources.why("notValues"), BY_HAND);
            }
            Matcher claim = CLAIM.matcher(key);
            Matcher header = HEADER.matcher(key);
            if (key.equals("request.auth.principal")) {
                conditions.add(new Condition.RequestPrincipal(values));
            } else if (claim.matches() && literals(at + ".values", values, "claim")) {
                String names = claim.group(1);
                conditions.add(new Condition.JwtClaim(List.of(names.substring(1, names.length() - 1).split("\\]\\[")),
                        values));
            } else if (header.matches() && literals(at + ".values", values.stream()
                    .filter(value -> !value.equals("*")).toList(), "header")) {
                headers.add(values.stream().map(value -> value.equals("*")
                        ? (HeaderMatch) new HeaderMatch.Present(header.group(1))
                        : new HeaderMatch.Equals(header.group(1), value)).toList());
            } else if (!claim.matches() && !header.matches()) {
                report.unsupported(at + ".key", "the condition key '" + key + "' has no DSL condition: the DSL has"
                        + " request.auth.principal, request.auth.claims[...] and request.headers[...]", BY_HAND);
            }
        }
        return headers;
    }

    /** Whether every value is literal: Istio reads {@code *} at either end as a wildcard, which the DSL cannot say. */
    private boolean literals(String at, List<String> values, String what) {
        boolean literal = true;
        for (String value : values) {
            if (value.startsWith("*") || value.endsWith("*")) {
                report.unsupported(at, "the " + what + " value pattern '" + value + "' cannot be said in the DSL,"
                        + " which matches " + what + " values exactly" + (what.equals("header")
                        ? " (or '*' alone, any value)" : ""), "list the values one by one, or " + BY_HAND);
                literal = false;
            }
        }
        return literal;
    }

    /**
     * Every HTTP alternative with one match of each header condition (headers apply to the whole rule); a rule
     * without HTTP alternatives gets header-only ones.
     */
    private static List<HttpRule> withHeaders(List<HttpRule> http, List<List<HeaderMatch>> headers) {
        if (headers.isEmpty()) {
            return http;
        }
        List<HttpRule> rules = http.isEmpty() ? List.of(HttpRule.of(List.of(), List.of())) : http;
        for (List<HeaderMatch> alternatives : headers) {
            List<HttpRule> next = new ArrayList<>();
            for (HttpRule rule : rules) {
                for (HeaderMatch header : alternatives) {
                    next.add(header instanceof HeaderMatch.Equals equals ? rule.withHeader(equals.name(),
                            equals.value()) : rule.withHeader(header.name()));
                }
            }
            rules = next;
        }
        return rules;
    }

    static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(value -> values.add(value.asString("")));
        return values;
    }
}
