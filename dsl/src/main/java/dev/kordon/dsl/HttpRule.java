package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which HTTP requests an intent covers. Within a field any value may match (OR); every non-empty field must match
 * (AND); an empty field does not constrain. Several rules on one intent are alternatives (OR).
 *
 * <p>{@code GET("/api/*")}, {@code POST("/orders").withHeader("x-tenant", "a")}, {@code grpc("shop.Cart", "GetCart")}.
 */
public record HttpRule(List<HttpMethod> methods, List<PathPattern> paths, List<String> hosts,
        List<HeaderMatch> headers) {

    public HttpRule {
        methods = Canonical.sortedSet(methods, "methods");
        paths = Canonical.sortedSet(paths, "paths");
        List<String> lowerHosts = new ArrayList<>();
        for (String host : hosts) {
            lowerHosts.add(host.toLowerCase(Locale.ROOT));
        }
        hosts = Canonical.sortedSet(lowerHosts, "hosts");
        headers = Canonical.sortedSet(headers, "headers");
    }

    /** Requests with one of the methods and one of the paths. */
    public static HttpRule of(List<HttpMethod> methods, List<PathPattern> paths) {
        return new HttpRule(methods, paths, List.of(), List.of());
    }

    /** This rule, also requiring the {@code :authority} host to match the DNS pattern ({@code api.example.com}, {@code *.example.com}). */
    public HttpRule withHost(String host) {
        List<String> more = new ArrayList<>(hosts);
        more.add(host);
        return new HttpRule(methods, paths, more, headers);
    }

    /** This rule, also requiring the header to be present. */
    public HttpRule withHeader(String name) {
        return withHeaderMatch(new HeaderMatch.Present(name));
    }

    /** This rule, also requiring the header to have exactly this value. */
    public HttpRule withHeader(String name, String value) {
        return withHeaderMatch(new HeaderMatch.Equals(name, value));
    }

    private HttpRule withHeaderMatch(HeaderMatch header) {
        List<HeaderMatch> more = new ArrayList<>(headers);
        more.add(header);
        return new HttpRule(methods, paths, hosts, more);
    }

    /** Whether a request matches. Header names in {@code requestHeaders} are compared case-insensitively. */
    public boolean matches(String method, String path, String host, Map<String, String> requestHeaders) {
        if (!methods.isEmpty() && methods.stream().noneMatch(m -> m.token().equals(method))) {
            return false;
        }
        if (!paths.isEmpty() && paths.stream().noneMatch(p -> p.matches(path))) {
            return false;
        }
        if (!hosts.isEmpty() && hosts.stream().noneMatch(h -> new DnsName(h).matches(stripPort(host)))) {
            return false;
        }
        for (HeaderMatch header : headers) {
            String actual = null;
            for (Map.Entry<String, String> entry : requestHeaders.entrySet()) {
                if (entry.getKey().toLowerCase(Locale.ROOT).equals(header.name())) {
                    actual = entry.getValue();
                }
            }
            if (actual == null || header instanceof HeaderMatch.Equals
                    && !((HeaderMatch.Equals) header).value().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    private static String stripPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }

    /** Canonical text, e.g. {@code GET /api/*} or {@code POST /orders host=shop.example header[x-tenant=a]}. */
    @Override
    public String toString() {
        List<String> methodTokens = new ArrayList<>();
        for (HttpMethod method : methods) {
            methodTokens.add(method.token());
        }
        List<String> globs = new ArrayList<>();
        for (PathPattern path : paths) {
            globs.add(path.glob());
        }
        StringBuilder text = new StringBuilder(methods.isEmpty() ? "(any method)" : Canonical.quoteAll(methodTokens, ","));
        text.append(' ').append(paths.isEmpty() ? "(any path)" : Canonical.quoteAll(globs, ","));
        if (!hosts.isEmpty()) {
            text.append(" host=").append(Canonical.quoteAll(hosts, ","));
        }
        if (!headers.isEmpty()) {
            text.append(" header[").append(Canonical.join(headers, ",")).append(']');
        }
        return text.toString();
    }
}
