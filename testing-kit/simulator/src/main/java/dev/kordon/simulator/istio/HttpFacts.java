package dev.kordon.simulator.istio;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HTTP request as the destination's proxy authorizes it: method, normalized path, host (empty when the probe does
 * not give one), headers by case-insensitive name (after the JWT filter: the validated token's header removed, claim
 * headers added), headers whose value the simulator cannot know, and the validated JWT, if any.
 */
final class HttpFacts {

    private final String method;
    private final String path;
    private final String host;
    private final SortedMap<String, String> headers;
    private final Set<String> opaqueHeaders;
    private final JwtPayload jwt;

    HttpFacts(String method, String path, String host, Map<String, String> headers, Set<String> opaqueHeaders,
            Optional<JwtPayload> jwt) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.host = Objects.requireNonNull(host, "host");
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.headers.putAll(headers);
        this.opaqueHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        this.opaqueHeaders.addAll(opaqueHeaders);
        this.jwt = jwt.orElse(null);
    }

    String method() {
        return method;
    }

    /** The normalized path, without the query. */
    String path() {
        return path;
    }

    /** The {@code :authority}, or empty when the probe does not give it. */
    Optional<String> host() {
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** The value of a header, if present. */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Whether the header is present with a value the simulator cannot know (a JWT payload header). */
    boolean opaque(String name) {
        return opaqueHeaders.contains(name);
    }

    /** The validated JWT, if any. */
    Optional<JwtPayload> jwt() {
        return Optional.ofNullable(jwt);
    }
}
