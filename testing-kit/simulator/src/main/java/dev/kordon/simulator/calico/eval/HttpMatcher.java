package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.calico.eval.RuleMatch.Criterion;
import dev.kordon.simulator.calico.model.HttpMatch;
import java.util.Optional;

/**
 * Dikastes' HTTP match: a method in the list (case-sensitive; {@code *} matches any; an empty list any method) and a
 * path matching one of the paths (exact, or prefix on segment boundaries, both after normalisation).
 */
final class HttpMatcher {

    private HttpMatcher() {
    }

    static Criterion match(HttpMatch http, HttpRequest request) {
        String method = request.method();
        if (!http.methods().isEmpty() && !http.methods().contains("*") && !http.methods().contains(method)) {
            return new Criterion(false, "HTTP method " + method + " is not in methods " + http.methods()
                    + " (compared case-sensitively)");
        }
        if (!http.paths().isEmpty() && !pathMatches(http, request.path())) {
            Optional<String> normalized = HttpPaths.normalize(request.path());
            return new Criterion(false, "HTTP path " + request.path() + normalized.map(path -> path.equals(
                    request.path()) ? "" : " (normalised " + path + ")").orElse(" (which Dikastes refuses to"
                    + " normalise)") + " matches none of paths " + http.paths());
        }
        return new Criterion(true, "HTTP " + method + " " + request.path() + " matches " + http);
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
