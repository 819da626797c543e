package dev.kordon.simulator.istio;

import dev.kordon.simulator.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxy's JWT filter, as RequestAuthentication configures it: a request without a token passes with no request
 * identity; a token of an issuer no rule trusts (or that no rule reads) passes unvalidated, with no identity either;
 * a token of a trusted issuer is validated, and rejected (401) when it is not validly signed or names none of the
 * rule's audiences. Without any RequestAuthentication the token is never read.
 */
final class JwtAuthenticator {

    /** What the filter concluded. */
    sealed interface Result {
        /** Why. */
        String because();
    }

    /** The request passes without a request identity. */
    record Unauthenticated(String because) implements Result {
    }

    /** The token is valid: the request carries its payload. */
    record Verified(JwtPayload payload, JwtRule rule, String because) implements Result {
    }

    /** The request is rejected with 401. */
    record Rejected(String because) implements Result {
    }

    Result authenticate(List<RequestAuthn> applicable, HttpRequest request, String workload) {
        Optional<String> bearer = Optional.ofNullable(request.headers().get("authorization"))
                .filter(value -> value.toLowerCase(Locale.ROOT).startsWith("bearer "));
        if (request.jwt().isEmpty() && bearer.isEmpty()) {
            return new Unauthenticated("the request carries no bearer token");
        }
        if (applicable.isEmpty()) {
            return new Unauthenticated("no RequestAuthentication applies to " + workload
                    + ": its bearer token is not validated, so the request has no request principal");
        }
        String names = String.join(", ", applicable.stream().map(RequestAuthn::resource).toList());
        List<JwtRule> readers = new ArrayList<>();
        applicable.forEach(authn -> authn.rules().stream().filter(JwtRule::readsBearerHeader).forEach(readers::add));
        if (readers.isEmpty()) {
            return new Unauthenticated("no jwtRule of " + names + " reads the Authorization header: the token is"
                    + " not validated");
        }
        if (request.jwt().isEmpty()) {
            return new Rejected("the bearer token is not a validly signed JWT and " + names
                    + " validates bearer tokens: rejected with 401");
        }
        HttpRequest.Jwt jwt = request.jwt().get();
        List<JwtRule> trusting = readers.stream().filter(rule -> rule.issuer().equals(jwt.issuer())).toList();
        if (trusting.isEmpty()) {
            return new Unauthenticated("no jwtRule of " + names + " trusts issuer " + jwt.issuer()
                    + ": the token is ignored, the request has no request principal");
        }
        for (JwtRule rule : trusting) {
            JwtPayload payload = JwtPayload.of(jwt.issuer(), jwt.subject(), jwt.claims(), rule.spaceDelimited());
            List<String> audiences = payload.strings(List.of("aud"));
            if (rule.audiences().isEmpty() || audiences.stream().anyMatch(rule.audiences()::contains)) {
                return new Verified(payload, rule, names + " validates the token of issuer " + jwt.issuer()
                        + ": request principal " + payload.principal());
            }
        }
        return new Rejected("the token of issuer " + jwt.issuer() + " names audiences "
                + jwt.claims().getOrDefault("aud", "[]") + ", none of which " + names + " accepts "
                + trusting.get(0).audiences() + ": rejected with 401");
    }
}
