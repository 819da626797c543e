package dev.kordon.generators.istio;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Condition;
import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.HeaderMatch;
import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.PathPattern;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Fidelity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HTTP rules and request conditions as Istio writes them (backends.md §5.2): every string is exact, {@code prefix*},
 * {@code *suffix} or {@code *} (presence), with no escape for a literal {@code *} at either end; paths and hosts go
 * into the operation, headers and JWT conditions into {@code when}.
 */
final class MeshRequests {

    static final String HEADER_KEY = "request.headers";
    static final String PRINCIPAL_KEY = "request.auth.principal";
    static final String CLAIM_KEY = "request.auth.claims";

    private MeshRequests() {
    }

    // ---- mapping -----------------------------------------------------------------------------------------------

    static List<String> methods(HttpRule rule) {
        return rule.methods().stream().map(HttpMethod::token).toList();
    }

    /** The paths: exact and prefix as written, a suffix glob {@code /*x} as {@code *x}. */
    static List<String> paths(HttpRule rule) {
        List<String> paths = new ArrayList<>();
        for (PathPattern path : rule.paths()) {
            requireNone(pathProblem(path));
            paths.add(path.kind() == PathPattern.Kind.GLOB ? path.glob().substring(1) : path.glob());
        }
        return paths.stream().distinct().sorted().toList();
    }

    /**
     * The hosts, each also with a trailing dot (the intent's names match either way); each exact name also with
     * {@code :*}, so that an authority carrying a port matches too.
     */
    static List<String> hosts(HttpRule rule) {
        List<String> hosts = new ArrayList<>();
        for (String host : rule.hosts()) {
            for (String name : List.of(host, host + ".")) {
                hosts.add(name);
                if (!new DnsName(host).isWildcard()) {
                    hosts.add(name + ":*");
                }
            }
        }
        return hosts.stream().distinct().sorted().toList();
    }

    /** The header conditions of one rule, by header name. */
    static List<AuthorizationPolicy.Condition> headers(HttpRule rule) {
        List<AuthorizationPolicy.Condition> conditions = new ArrayList<>();
        for (HeaderMatch header : rule.headers()) {
            String value = header instanceof HeaderMatch.Equals ? ((HeaderMatch.Equals) header).value() : "*";
            if (header instanceof HeaderMatch.Equals) {
                requireNone(literalProblem(value, "header value"));
            }
            conditions.add(new AuthorizationPolicy.Condition(HEADER_KEY + "[" + header.name() + "]", List.of(value)));
        }
        return conditions;
    }

    /** The request conditions, each one {@code when} entry: Istio ANDs the entries, ORs the values of one. */
    static List<AuthorizationPolicy.Condition> conditions(List<Condition> conditions) {
        List<AuthorizationPolicy.Condition> when = new ArrayList<>();
        for (Condition condition : conditions) {
            if (condition instanceof Condition.RequestPrincipal) {
                List<String> patterns = ((Condition.RequestPrincipal) condition).patterns();
                patterns.forEach(pattern -> requireNone(principalProblem(pattern)));
                when.add(new AuthorizationPolicy.Condition(PRINCIPAL_KEY, patterns));
            } else {
                Condition.JwtClaim claim = (Condition.JwtClaim) condition;
                claim.values().forEach(value -> requireNone(literalProblem(value, "claim value")));
                when.add(new AuthorizationPolicy.Condition(CLAIM_KEY + "[" + String.join("][", claim.path()) + "]",
                        claim.values()));
            }
        }
        return when;
    }

    /** Render only meets what the inspection let through; anything else is a bug, never a wider policy. */
    private static void requireNone(Optional<String> problem) {
        problem.ifPresent(reason -> {
            throw new IllegalStateException(reason + "; the fidelity check should have refused it");
        });
    }

    // ---- what cannot be written ------------------------------------------------------------------------------------

    /** Every part of the intent's HTTP rules and conditions that Istio cannot enforce exactly for this action. */
    static List<MeshProblem> problems(List<HttpRule> rules, List<Condition> conditions, Action action) {
        List<MeshProblem> problems = new ArrayList<>();
        for (HttpRule rule : rules) {
            for (PathPattern path : rule.paths()) {
                pathProblem(path).ifPresent(reason -> problems.add(MeshProblem.unsupported(feature(path), reason,
                        "write exact paths, a prefix such as '" + path.literalPrefix() + "*', or a suffix such as"
                                + " '/*.png'; or use cilium, whose paths are regular expressions")));
            }
            rule.hosts().forEach(host -> hostProblem(host, action).ifPresent(problems::add));
            rule.headers().forEach(header -> headerProblem(header, action).ifPresent(problems::add));
        }
        for (Condition condition : conditions) {
            if (condition instanceof Condition.RequestPrincipal) {
                ((Condition.RequestPrincipal) condition).patterns().stream().map(MeshRequests::principalProblem)
                        .flatMap(Optional::stream).forEach(reason -> problems.add(MeshProblem.unsupported(
                                Feature.REQUEST_PRINCIPAL, reason, "write 'issuer/subject', 'issuer/prefix*',"
                                        + " '*suffix/subject' or '*', one condition per form if needed")));
            } else {
                ((Condition.JwtClaim) condition).values().stream().map(value -> literalProblem(value, "claim value"))
                        .flatMap(Optional::stream).forEach(reason -> problems.add(MeshProblem.unsupported(
                                Feature.JWT_CLAIM, reason, "match other claim values, or use another target")));
            }
        }
        return problems.stream().distinct().toList();
    }

    private static Feature feature(PathPattern path) {
        return switch (path.kind()) {
            case EXACT -> Feature.HTTP_PATH_EXACT;
            case PREFIX -> Feature.HTTP_PATH_PREFIX;
            case GLOB -> Feature.HTTP_PATH_GLOB;
        };
    }

    /** A path glob other than exact, a prefix, or one {@code *} right after the leading {@code /} (a suffix). */
    static Optional<String> pathProblem(PathPattern path) {
        String glob = path.glob();
        if (glob.contains("{") || glob.contains("}")) {
            return Optional.of("Istio rejects '{' and '}' in a path outside its templates {*} and {**}, so '" + glob
                    + "' cannot be written");
        }
        if (path.kind() != PathPattern.Kind.GLOB) {
            return Optional.empty();
        }
        String suffix = glob.startsWith("/*") ? glob.substring(2) : "";
        if (suffix.isEmpty() || suffix.contains("*") || suffix.startsWith("/")) {
            return Optional.of("Istio's paths take '*' only at the start or the end (and its template {*} matches"
                    + " one segment only), so the glob '" + glob + "' cannot be written");
        }
        return Optional.empty();
    }

    private static Optional<MeshProblem> hostProblem(String host, Action action) {
        if (!new DnsName(host).isWildcard() || action == Action.AUDIT) {
            return Optional.empty();
        }
        String reason = "Istio matches '" + host + "' as a suffix of the :authority, so a request whose authority"
                + " carries a port (" + host.substring(2) + ":8080 under it) does not match it and ";
        String hint = "name the hosts exactly (each is also matched with any port), or leave the host out";
        return Optional.of(action == Action.DENY
                ? new MeshProblem(Feature.HTTP_HOST, Fidelity.WIDENED, reason + "slips past the deny", hint)
                : new MeshProblem(Feature.HTTP_HOST, Fidelity.NARROWED, reason + "is denied", hint));
    }

    private static Optional<MeshProblem> headerProblem(HeaderMatch header, Action action) {
        if (header instanceof HeaderMatch.Equals) {
            return literalProblem(((HeaderMatch.Equals) header).value(), "header value")
                    .map(reason -> MeshProblem.unsupported(Feature.HTTP_HEADER, reason,
                            "match another value, or use another target"));
        }
        if (action != Action.DENY) {
            return Optional.empty();
        }
        return Optional.of(new MeshProblem(Feature.HTTP_HEADER, Fidelity.WIDENED, "Istio writes presence of header '"
                + header.name() + "' as \"*\": its code generates Envoy's present_match, but backends.md §5.2 reads"
                + " \"*\" as a non-empty value, so a request whose header is present but empty may slip past the deny",
                "deny on an exact value with withHeader(\"" + header.name() + "\", value), or require the header in"
                        + " an allow instead"));
    }

    /** A value Istio would not read literally: empty (rejected), or with {@code *} at an end (a wildcard). */
    static Optional<String> literalProblem(String value, String what) {
        if (value.isEmpty()) {
            return Optional.of("Istio rejects an empty " + what);
        }
        if (value.startsWith("*") || value.endsWith("*")) {
            return Optional.of("Istio reads '*' at either end of the " + what + " '" + value + "' as a wildcard and"
                    + " has no escape for it");
        }
        return Optional.empty();
    }

    /**
     * A request principal pattern other than those Istio splits the same way (backends.md §5.2, Istio's
     * {@code requestPrincipalGenerator}): {@code *}, exact, {@code *issuer-suffix/subject} or
     * {@code issuer/subject-prefix*}.
     */
    static Optional<String> principalProblem(String pattern) {
        long stars = pattern.chars().filter(c -> c == '*').count();
        if (pattern.equals("*") || stars == 0 || stars == 1 && (pattern.startsWith("*") || pattern.endsWith("*"))) {
            return Optional.empty();
        }
        return Optional.of("Istio takes '*' in a request principal only as the whole value, at the start of the issuer"
                + " (with an exact subject) or at the end of the subject (with an exact issuer), so '" + pattern
                + "' cannot be written");
    }
}
