package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.calico.eval.RuleMatch.Criterion;
import dev.kordon.simulator.calico.model.HttpMatch;
import java.util.Optional;

/**
 * Dikastes' HTTP match: a method in the list (case-sensitive; {@code *} matches any; an empty list any method) and a
 * path matching one of the paths: since v3.31.7 exact, or prefix on segment boundaries, both after normalisation;
 * before, exact or a plain string prefix of the path without query and fragment.
 */
final class HttpMatcher {

    private HttpMatcher() {
    }

    static Criterion match(HttpMatch http, HttpRequest request, EnforcementProfile.CalicoPrefixMatching prefixes) {
        String method = request.method();
        if (!http.methods().isEmpty() && !http.methods().contains("*") && !http.methods().contains(method)) {
            return new Criterion(false, "HTTP method " + method + " is not in methods " + http.methods()
                    + " (compared case-sensitively)");
        }
        if (!http.paths().isEmpty() && prefixes == EnforcementProfile.CalicoPrefixMatching.RAW
                && !rawPathMatches(http, request.path())) {
            return new Criterion(false, "HTTP path " + request.path() + " matches none of paths " + http.paths()
                    + " (compared as plain strings, as Calico before v3.31.7 does)");
        }
        if (!http.paths().isEmpty() && prefixes == EnforcementProfile.CalicoPrefixMatching.SEGMENTS
                && !pathMatches(http, request.path())) {
            Optional<String> normalized = HttpPaths.normalize(request.path());
            return new Criterion(false, "HTTP path " + request.path() + normalized.map(path -> path.equals(
                    request.path()) ? "" : " (normalised " + path + ")").orElse(" (which Dikastes refuses to"
                    + " normalise)") + " matches none of paths " + http.paths());
        }
        return new Criterion(true, "HTTP " + method + " " + request.path() + " matches " + http);
    }

    /** Before v3.31.7: the path without query and fragment, equal to an exact path or starting with a prefix. */
    private static boolean rawPathMatches(HttpMatch http, String requestPath) {
        String path = HttpPaths.withoutQueryAndFragment(requestPath);
        return http.paths().stream().anyMatch(rule -> rule.exact() ? path.equals(rule.value())
                : path.startsWith(rule.value()));
    }

    private static boolean pathMatches(HttpMatch http, String requestPath) {
        Optional<String> request = HttpPaths.normalize(requestPath);
        if (request.isEmpty()) {
            return false;
        }
        for (HttpMatch.Path path : http.paths()) {
            Optional<String> rule = HttpPaths.normalize(path.value());
            if (rule.isPresent() && (path.exact() ? request.get().equals(rule.get())
                    : HttpPaths.segmentPrefix(request.get(), rule.get()))) {
                return true;
            }
        }
        return false;
    }
}
