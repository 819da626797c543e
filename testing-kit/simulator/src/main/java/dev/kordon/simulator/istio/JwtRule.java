package dev.kordon.simulator.istio;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One {@code jwtRules} entry of a RequestAuthentication: which issuer's tokens the proxy validates and what it does
 * with a valid one.
 *
 * @param issuer               {@code issuer}
 * @param audiences            {@code audiences}: a token must name one of them; empty = any
 * @param readsBearerHeader    whether the rule takes the token from {@code Authorization: Bearer} (the default, or
 *                             listed in {@code fromHeaders})
 * @param forwardOriginalToken whether the token stays in the request (otherwise its header is removed)
 * @param claimHeaders         {@code outputClaimToHeaders}: header to claim
 * @param payloadHeader        {@code outputPayloadToHeader}, or empty
 * @param spaceDelimited       the claims split on spaces: {@code scope}, {@code permission} and
 *                             {@code spaceDelimitedClaims}
 */
record JwtRule(String issuer, List<String> audiences, boolean readsBearerHeader, boolean forwardOriginalToken,
        SortedMap<String, String> claimHeaders, String payloadHeader, List<String> spaceDelimited) {

    JwtRule {
        Objects.requireNonNull(issuer, "issuer");
        audiences = List.copyOf(audiences);
        claimHeaders = new TreeMap<>(claimHeaders);
        Objects.requireNonNull(payloadHeader, "payloadHeader");
        spaceDelimited = List.copyOf(spaceDelimited);
    }
}
