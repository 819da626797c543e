package dev.kordon.simulator.istio;

import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prepares an HTTP request as the destination's proxy authorizes it: a method not in upper case or a path with
 * {@code %00} is rejected (400); the path is normalized; the JWT filter validates the bearer token (or rejects the
 * request with 401), removes the token's header unless {@code forwardOriginalToken}, and adds claim headers.
 */
final class HttpRequests {

    /** The prepared request, or a rejection; with the steps that say what happened. */
    record Prepared(Optional<HttpFacts> http, boolean rejected, List<Step> steps) {
        Prepared {
            steps = List.copyOf(steps);
        }
    }

    private final JwtAuthenticator authenticator = new JwtAuthenticator();

    Prepared prepare(HttpRequest request, List<RequestAuthn> authentications, String workload) {
        List<Step> steps = new ArrayList<>();
        if (!request.method().equals(request.method().toUpperCase(Locale.ROOT))) {
            steps.add(Steps.of("HTTP", "deny", "method " + request.method() + " is not in upper case: the proxy"
                    + " rejects the request with 400"));
            return new Prepared(Optional.empty(), true, steps);
        }
        Optional<String> path = PathNormalizer.normalize(request.path());
        if (path.isEmpty()) {
            steps.add(Steps.of("HTTP", "deny", "path " + request.path() + " contains %00: the proxy rejects the"
                    + " request with 400"));
            return new Prepared(Optional.empty(), true, steps);
        }
        JwtAuthenticator.Result jwt = authenticator.authenticate(authentications, request, workload);
        if (!authentications.isEmpty() || request.jwt().isPresent()) {
            String outcome = jwt instanceof JwtAuthenticator.Rejected ? "deny"
                    : jwt instanceof JwtAuthenticator.Verified ? "authenticated" : "unauthenticated";
            steps.add(Steps.of("JWT", outcome, jwt.because()));
        }
        if (jwt instanceof JwtAuthenticator.Rejected) {
            return new Prepared(Optional.empty(), true, steps);
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        Set<String> opaque = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Optional<JwtPayload> payload = Optional.empty();
        if (jwt instanceof JwtAuthenticator.Verified verified) {
            payload = Optional.of(verified.payload());
            apply(verified, headers, opaque);
        }
        String host = request.host().isEmpty() ? request.headers().getOrDefault("host", "") : request.host();
        return new Prepared(Optional.of(new HttpFacts(request.method(), path.get(), host, headers, opaque, payload)),
                false, steps);
    }

    /** What the JWT filter does to the headers after validating a token. */
    private static void apply(JwtAuthenticator.Verified verified, Map<String, String> headers, Set<String> opaque) {
        if (!verified.rule().forwardOriginalToken()) {
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("authorization"));
        }
        verified.rule().claimHeaders().forEach((header, claim) -> {
            Object value = verified.payload().claim(List.of(claim)).orElse(null);
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                headers.keySet().removeIf(name -> name.equalsIgnoreCase(header));
                headers.put(header, value.toString());
            }
        });
        if (!verified.rule().payloadHeader().isEmpty()) {
            opaque.add(verified.rule().payloadHeader());
        }
    }
}
