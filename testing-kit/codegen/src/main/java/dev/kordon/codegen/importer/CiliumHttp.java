package dev.kordon.codegen.importer;

import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.PathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Cilium's HTTP rules ({@code toPorts[].rules.http}) read as DSL HTTP rules. Envoy matches {@code method},
 * {@code path} and {@code host} as RE2 regexes against the whole header (backends.md §4), and {@code :path} includes
 * the query string, where the DSL matches the path without it. So only the regexes whose full match says a DSL
 * pattern exactly are read, the forms the cilium target writes:
 * <ul>
 * <li>a method: the token, its regex metacharacters escaped;</li>
 * <li>a path: escaped literals joined by {@code [^?]*} (the DSL's {@code *} inside a path), ending in {@code .*}
 *     (a trailing {@code *}, the query included) or in {@code (\?.*)?} (any query after an exact end);</li>
 * <li>a host: {@code (?i)} and the escaped name, or {@code [^:]+} and an escaped {@code .domain} for
 *     {@code *.domain}, then {@code \.?(:[^:]*)?} (a trailing dot and any port, as the DSL ignores them);</li>
 * <li>{@code headers}: {@code Name} (present) or {@code Name value} (exactly this value).</li>
 * </ul>
 * Anything else ({@code headerMatches}, other regexes) is reported through {@link IstioRules.Report}.
 */
final class CiliumHttp {

    private static final String METACHARACTERS = "\\.+*?()|[]{}^$";
    private static final String OPTIONAL_QUERY = "(\\?.*)?";
    private static final String ANY_IN_PATH = "[^?]*";
    private static final String REST = ".*";
    private static final String HOST_END = "\\.?(:[^:]*)?";
    private static final String FIX = "write the regexes as the cilium target does (docs/catalog-and-import.md), or"
            + " declare what the policy does with the DSL by hand";

    private CiliumHttp() {
    }

    /** The DSL rule of one Cilium HTTP rule; empty when it has no field (or none it could read, all reported). */
    static Optional<HttpRule> rule(String at, JsonNode http, IstioRules.Report report) {
        List<HttpMethod> methods = new ArrayList<>();
        List<PathPattern> paths = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String field : List.of("method", "path", "host")) {
            if (!http.has(field)) {
                continue;
            }
            String regex = http.path(field).asString("");
            String fieldAt = at + "." + field;
            switch (field) {
                case "method" -> literal(regex).ifPresentOrElse(token -> methods.add(HttpMethod.of(token)),
                        () -> report.unsupported(fieldAt, "the method regex '" + regex + "' is not one method: the"
                                + " DSL names methods exactly", FIX));
                case "path" -> path(regex).ifPresentOrElse(paths::add, () -> report.unsupported(fieldAt,
                        "the path regex '" + regex + "' has no DSL pattern: Cilium matches it against the whole path"
                                + " with its query string, so only escaped literals joined by [^?]* and ending in .*"
                                + " (a prefix) or (\\?.*)? (any query) say a DSL path exactly", FIX));
                default -> host(regex).ifPresentOrElse(hosts::add, () -> report.unsupported(fieldAt,
                        "the host regex '" + regex + "' has no DSL host: a DSL host matches case-insensitively with"
                                + " or without a trailing dot and with any port", FIX));
            }
        }
        if (http.has("headerMatches")) {
            report.unsupported(at + ".headerMatches", "headerMatches (secrets, and mismatch actions that log or"
                    + " rewrite instead of refusing) cannot be said in the DSL", "use headers: [\"Name value\"], or "
                    + FIX);
        }
        HttpRule rule = HttpRule.of(methods, paths);
        for (String host : hosts) {
            rule = rule.withHost(host);
        }
        for (JsonNode header : http.path("headers")) {
            String text = header.asString("");
            int space = text.indexOf(' ');
            rule = space < 0 ? rule.withHeader(text) : rule.withHeader(text.substring(0, space),
                    text.substring(space + 1));
        }
        boolean constrains = !methods.isEmpty() || !paths.isEmpty() || !hosts.isEmpty() || http.has("headers");
        return constrains ? Optional.of(rule) : Optional.empty();
    }

    /** The DSL path of a path regex in the cilium target's form. */
    private static Optional<PathPattern> path(String regex) {
        boolean prefix = regex.endsWith(REST) && !regex.endsWith("\\" + REST) && !regex.endsWith(OPTIONAL_QUERY);
        if (!prefix && !regex.endsWith(OPTIONAL_QUERY)) {
            return Optional.empty();
        }
        String body = regex.substring(0, regex.length() - (prefix ? REST.length() : OPTIONAL_QUERY.length()));
        StringBuilder glob = new StringBuilder();
        String[] parts = body.split(java.util.regex.Pattern.quote(ANY_IN_PATH), -1);
        for (int i = 0; i < parts.length; i++) {
            Optional<String> literal = literal(parts[i]);
            if (literal.isEmpty() || literal.get().contains("*") || literal.get().contains("?")) {
                return Optional.empty();
            }
            glob.append(i == 0 ? "" : "*").append(literal.get());
        }
        if (prefix) {
            glob.append('*');
        }
        return glob.toString().startsWith("/") ? Optional.of(PathPattern.of(glob.toString())) : Optional.empty();
    }

    /** The DSL host of a host regex in the cilium target's form. */
    private static Optional<String> host(String regex) {
        if (!regex.startsWith("(?i)") || !regex.endsWith(HOST_END)) {
            return Optional.empty();
        }
        String name = regex.substring("(?i)".length(), regex.length() - HOST_END.length());
        if (name.startsWith("[^:]+")) {
            return literal(name.substring("[^:]+".length())).filter(domain -> domain.startsWith(".")
                    && !domain.contains("*")).map(domain -> "*" + domain);
        }
        return literal(name).filter(host -> !host.isEmpty() && !host.contains("*"));
    }

    /** The text a regex matches when it is only literal characters (metacharacters escaped), if it is. */
    static Optional<String> literal(String regex) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length() && METACHARACTERS.indexOf(regex.charAt(i + 1)) >= 0) {
                text.append(regex.charAt(++i));
            } else if (METACHARACTERS.indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                text.append(c);
            }
        }
        return Optional.of(text.toString());
    }
}
