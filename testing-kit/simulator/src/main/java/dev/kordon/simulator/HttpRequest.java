package dev.kordon.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An HTTP request of a flow: method, path (with any query), host, headers, and the decoded payload of a validly signed
 * bearer JWT, if the request carries one.
 */
public final class HttpRequest {

    private final String method;
    private final String path;
    private final String host;
    private final SortedMap<String, String> headers;
    private final Jwt jwt;

    public HttpRequest(String method, String path, String host, Map<String, String> headers, Optional<Jwt> jwt) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.host = Objects.requireNonNull(host, "host");
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.headers.putAll(headers);
        this.jwt = jwt.orElse(null);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String host() {
        return host;
    }

    /** Headers by name, case-insensitive. */
    public SortedMap<String, String> headers() {
        return java.util.Collections.unmodifiableSortedMap(headers);
    }

    /** The validated token's payload, if any. */
    public Optional<Jwt> jwt() {
        return Optional.ofNullable(jwt);
    }

    /** The decoded payload of a validly signed JWT: issuer, subject and claims (strings, lists or nested maps). */
    public record Jwt(String issuer, String subject, Map<String, Object> claims) {
        public Jwt {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(subject, "subject");
            claims = Map.copyOf(claims);
        }

        /** The claim at the path (nested maps), if present. */
        public Optional<Object> claim(List<String> path) {
            Object value = claims;
            for (String segment : path) {
                if (!(value instanceof Map)) {
                    return Optional.empty();
                }
                value = ((Map<?, ?>) value).get(segment);
            }
            return Optional.ofNullable(value);
        }
    }

    @Override
    public String toString() {
        return method + " " + path + (host.isEmpty() ? "" : " (host " + host + ")");
    }
}
