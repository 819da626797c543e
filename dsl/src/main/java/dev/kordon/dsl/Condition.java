package dev.kordon.dsl;

import java.util.List;
import java.util.Objects;

/**
 * A condition on the authenticated request (HTTP only): who the JWT says the caller is, or what its claims hold.
 *
 * <p>{@code requestPrincipal("https://issuer.example/alice")}, {@code anyRequestPrincipal()},
 * {@code jwtClaim("role").anyOf("admin")}.
 */
public sealed interface Condition permits Condition.RequestPrincipal, Condition.JwtClaim {

    /**
     * The request carries a valid JWT whose {@code iss/sub} matches one of the patterns. Each side of the last
     * {@code /} may be exact, {@code prefix*}, {@code *suffix} or {@code *}; {@code "*"} alone means "any
     * authenticated request".
     */
    record RequestPrincipal(List<String> patterns) implements Condition {
        public RequestPrincipal {
            patterns = Canonical.sortedSet(patterns, "patterns");
        }

        @Override
        public String toString() {
            return "requestPrincipal in (" + Canonical.quoteAll(patterns, ",") + ")";
        }
    }

    /**
     * A JWT claim (a path for nested claims, e.g. {@code realm_access}, {@code roles}) equals one of the values, or for
     * a list claim contains one of them.
     */
    record JwtClaim(List<String> path, List<String> values) implements Condition {
        public JwtClaim {
            path = List.copyOf(Objects.requireNonNull(path, "path"));
            values = Canonical.sortedSet(values, "values");
        }

        @Override
        public String toString() {
            StringBuilder name = new StringBuilder("jwt");
            for (String segment : path) {
                name.append('[').append(Canonical.quote(segment)).append(']');
            }
            return name + " in (" + Canonical.quoteAll(values, ",") + ")";
        }
    }
}
