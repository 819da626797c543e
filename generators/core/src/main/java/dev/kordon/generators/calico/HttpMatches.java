package dev.kordon.generators.calico;

import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.PathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kordon's HTTP rules as Calico {@code http} clauses (backends.md §3.4): methods as case-sensitive tokens, an exact
 * path as {@code exact}, a prefix ({@code /api/*}) as {@code prefix: /api/}.
 *
 * <p>Since Calico 3.31.7 a prefix matches whole path segments only ({@code /pub} no longer matches {@code /public}),
 * and Calico has no glob. So a prefix that does not end with {@code /}, and a path with a {@code *} elsewhere, become
 * the prefix of their leading whole segments ({@code /pub*} as {@code /}, {@code /api/*}{@code /orders} as
 * {@code /api/}): wider on every version, never narrower, as the accepted {@code L4_ONLY} downgrade allows. Calico
 * has no host or header match; those are left out. A path that is the prefix {@code /} constrains nothing, and a rule
 * left with neither methods nor paths matches every request and has no clause.
 */
final class HttpMatches {

    private static final int MAX_PATHS = 20;
    /** The prefix every path has: a rule with it does not constrain paths. */
    private static final Rule.HttpPath ANY_PATH = Rule.HttpPath.prefix("/");

    private HttpMatches() {
    }

    /** One clause per alternative (paths split by 20); an empty Optional for a rule that matches every request. */
    static List<Optional<Rule.Http>> of(List<HttpRule> rules) {
        List<Optional<Rule.Http>> matches = new ArrayList<>();
        for (HttpRule rule : rules) {
            List<String> methods = rule.methods().stream().map(HttpMethod::token).toList();
            List<Rule.HttpPath> paths = rule.paths().stream().map(HttpMatches::path).distinct().toList();
            if (paths.contains(ANY_PATH)) {
                paths = List.of();
            }
            if (methods.isEmpty() && paths.isEmpty()) {
                matches.add(Optional.empty());
                continue;
            }
            if (paths.isEmpty()) {
                matches.add(Optional.of(new Rule.Http(methods, null)));
                continue;
            }
            for (int from = 0; from < paths.size(); from += MAX_PATHS) {
                matches.add(Optional.of(new Rule.Http(methods,
                        paths.subList(from, Math.min(paths.size(), from + MAX_PATHS)))));
            }
        }
        return matches.stream().distinct().toList();
    }

    /** A path as Calico matches it. */
    static Rule.HttpPath path(PathPattern pattern) {
        return switch (pattern.kind()) {
            case EXACT -> Rule.HttpPath.exact(pattern.glob());
            case PREFIX, GLOB -> Rule.HttpPath.prefix(leadingSegments(pattern.literalPrefix()));
        };
    }

    /** The literal text up to and including its last {@code /}: whole segments, matched by every Calico version. */
    private static String leadingSegments(String literal) {
        return literal.substring(0, literal.lastIndexOf('/') + 1);
    }
}
