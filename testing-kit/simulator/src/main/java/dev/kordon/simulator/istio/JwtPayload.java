package dev.kordon.simulator.istio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload of a JWT that a RequestAuthentication rule validated, as the proxy's JWT filter writes it into the
 * request's metadata: every claim, with {@code iss} and {@code sub}, and the space-delimited claims of that rule
 * ({@code scope}, {@code permission} and the rule's {@code spaceDelimitedClaims}) split into lists.
 */
final class JwtPayload {

    private final Map<String, Object> claims;

    private JwtPayload(Map<String, Object> claims) {
        this.claims = Map.copyOf(claims);
    }

    /** The payload of a token with this issuer, subject and claims, normalized for a rule's space-delimited claims. */
    static JwtPayload of(String issuer, String subject, Map<String, Object> claims, List<String> spaceDelimited) {
        Map<String, Object> all = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                all.put(name, value);
            }
        });
        all.putIfAbsent("iss", issuer);
        all.putIfAbsent("sub", subject);
        for (String name : spaceDelimited) {
            if (all.get(name) instanceof String text) {
                List<String> parts = new ArrayList<>();
                for (String part : text.split(" ")) {
                    if (!part.isEmpty()) {
                        parts.add(part);
                    }
                }
                all.put(name, List.copyOf(parts));
            }
        }
        return new JwtPayload(all);
    }

    /** The {@code iss} claim, or empty text. */
    String issuer() {
        return claims.get("iss") instanceof String text ? text : "";
    }

    /** The {@code sub} claim, or empty text. */
    String subject() {
        return claims.get("sub") instanceof String text ? text : "";
    }

    /** {@code iss/sub}, as Istio names the request principal. */
    String principal() {
        return issuer() + "/" + subject();
    }

    /** The claim at a path of nested names, if present. */
    Optional<Object> claim(List<String> path) {
        Object value = claims;
        for (String name : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            value = map.get(name);
        }
        return Optional.ofNullable(value);
    }

    /** The string values of a claim: the string itself, or the strings of a list; nothing for other types. */
    List<String> strings(List<String> path) {
        Object value = claim(path).orElse(null);
        if (value instanceof String text) {
            return List.of(text);
        }
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(element -> {
                if (element instanceof String text) {
                    strings.add(text);
                }
            });
        }
        return strings;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JwtPayload payload && payload.claims.equals(claims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claims);
    }
}
