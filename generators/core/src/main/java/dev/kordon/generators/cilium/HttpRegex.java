package dev.kordon.generators.cilium;

import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.PathPattern;

/**
 * The RE2 regular expressions of Cilium's HTTP rules. Envoy matches each against the whole header value
 * ({@code safe_regex_match}), so nothing needs anchoring, and every literal character is escaped.
 *
 * <p>Paths: Cilium matches {@code :path}, which includes the query string, whereas the model matches the path
 * without it ({@link PathPattern#matches(String)}). To be neither wider nor narrower:
 * <ul>
 * <li>an exact path accepts an optional query: {@code /healthz} becomes {@code /healthz(\?.*)?}, which matches
 *     {@code /healthz} and {@code /healthz?verbose=1} but not {@code /healthz/} or {@code /healthzz};</li>
 * <li>a {@code *} inside a glob does not cross into the query: {@code /api/*}{@code /orders} becomes
 *     {@code /api/[^?]*}{@code /orders(\?.*)?}, so {@code /api/x?y=/orders} does not match, as in the model;</li>
 * <li>a trailing {@code *} matches the rest, query included: {@code /api/*} becomes {@code /api/.*}.</li>
 * </ul>
 * Model paths never contain {@code ?} (validation rejects it), so a literal part never reaches into the query.
 *
 * <p>Hosts: the model compares DNS names case-insensitively, after removing a {@code :port} and one trailing dot
 * ({@link dev.kordon.dsl.HttpRule#matches}); {@code :authority} carries both. So {@code shop.example.com} becomes
 * {@code (?i)shop\.example\.com\.?(:[^:]*)?}, and {@code *.example.com} becomes
 * {@code (?i)[^:]+\.example\.com\.?(:[^:]*)?}: one or more characters before the domain, as in the model. Authorities
 * that are not {@code host} or {@code host:port} (two colons, or one in front) do not match a wildcard here, where
 * the model would compare them whole: narrower, and only for malformed requests.
 */
final class HttpRegex {

    private static final String METACHARACTERS = "\\.+*?()|[]{}^$";
    private static final String OPTIONAL_QUERY = "(\\?.*)?";
    private static final String ANY_IN_PATH = "[^?]*";
    private static final String REST = ".*";

    private HttpRegex() {
    }

    /** The regex of a path pattern (see the class comment for the query string). */
    static String path(PathPattern pattern) {
        String glob = pattern.glob();
        String[] literals = glob.split("\\*", -1);
        StringBuilder regex = new StringBuilder(quote(literals[0]));
        for (int i = 1; i < literals.length; i++) {
            boolean last = i == literals.length - 1;
            regex.append(last && literals[i].isEmpty() ? REST : ANY_IN_PATH).append(quote(literals[i]));
        }
        if (!glob.endsWith("*")) {
            regex.append(OPTIONAL_QUERY);
        }
        return regex.toString();
    }

    /** The regex of a method: the token itself, escaped. */
    static String method(HttpMethod method) {
        return quote(method.token());
    }

    /** The regex of a host pattern (see the class comment). */
    static String host(String host) {
        String name = host.startsWith("*.") ? "[^:]+" + quote(host.substring(1)) : quote(host);
        return "(?i)" + name + "\\.?(:[^:]*)?";
    }

    /** The literal text as a regex that matches exactly it: every RE2 metacharacter preceded by a backslash. */
    static String quote(String literal) {
        StringBuilder regex = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (METACHARACTERS.indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
        return regex.toString();
    }
}
