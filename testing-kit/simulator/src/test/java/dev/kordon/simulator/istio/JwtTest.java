package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision.Outcome;
import dev.kordon.simulator.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RequestAuthentication: which tokens are validated, which are rejected, and what a valid one gives the request. */
class JwtTest {

    private static final String AUTHN = """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: jwt, namespace: shop}
            spec:
              jwtRules:
              - issuer: https://issuer.example
            %s
            ---
            """;

    private final MeshFixture mesh = MeshFixture.cluster()
            .pod("shop/web", "10.0.0.1", "app=web")
            .pod("shop/api", "10.0.0.2", "app=api");

    private static String authn(String ruleFields) {
        return AUTHN.formatted(ruleFields.indent(4).stripTrailing());
    }

    private Outcome request(HttpRequest request) {
        return mesh.decide(mesh.http("shop/web", "shop/api", 8080, request)).outcome();
    }

    private static HttpRequest token(String issuer, Map<String, Object> claims) {
        return MeshFixture.withJwt("/", issuer, "alice", claims);
    }

    @Test
    void allows_the_request_principal_of_a_validated_token() {
        // given
        mesh.with(authn("") + Policies.onApi("p", "rules:\n- from: [{source: {requestPrincipals: ['https://issuer.example/alice']}}]"));

        // when / then
        assertThat(request(token("https://issuer.example", Map.of()))).isEqualTo(Outcome.ALLOW);
        assertThat(request(MeshFixture.request("GET", "/", "", Map.of()))).isEqualTo(Outcome.DENY);
    }

    @Test
    void does_not_validate_a_token_without_a_request_authentication() {
        // given
        mesh.with(Policies.onApi("p", "rules:\n- from: [{source: {requestPrincipals: ['*']}}]"));

        // when
        var steps = mesh.explain(mesh.http("shop/web", "shop/api", 8080, token("https://issuer.example", Map.of())));

        // then
        assertThat(steps).contains("[istio mesh JWT] unauthenticated - no RequestAuthentication applies to shop/api:"
                + " its bearer token is not validated, so the request has no request principal");
        assertThat(request(token("https://issuer.example", Map.of()))).isEqualTo(Outcome.DENY);
    }

    @Test
    void ignores_a_token_of_an_issuer_no_rule_trusts() {
        // given
        mesh.with(authn("") + Policies.onApi("p", "rules:\n- from: [{source: {notRequestPrincipals: ['*']}}]"));

        // when / then
        assertThat(request(token("https://other.example", Map.of()))).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void rejects_an_invalid_bearer_token() {
        // given
        mesh.with(authn(""));

        // when
        var steps = mesh.explain(mesh.http("shop/web", "shop/api", 8080,
                MeshFixture.request("GET", "/", "", Map.of("Authorization", "Bearer not-a-jwt"))));

        // then
        assertThat(steps).last().isEqualTo("[istio mesh JWT] deny - the bearer token is not a validly signed JWT and"
                + " RequestAuthentication shop/jwt validates bearer tokens: rejected with 401");
    }

    @Test
    void rejects_a_token_for_another_audience() {
        // given
        mesh.with(authn("audiences: [shop-api]"));

        // when / then
        assertThat(request(token("https://issuer.example", Map.of("aud", "billing")))).isEqualTo(Outcome.DENY);
        assertThat(request(token("https://issuer.example", Map.of("aud", List.of("billing", "shop-api")))))
                .isEqualTo(Outcome.NOT_ENFORCED);
    }

    @Test
    void splits_scope_and_the_configured_claims_on_spaces() {
        // given
        mesh.with(authn("spaceDelimitedClaims: [roles]") + Policies.onApi("p", """
                rules:
                - when: [{key: 'request.auth.claims[scope]', values: [write]}]
                - when: [{key: 'request.auth.claims[roles]', values: [admin]}]"""));

        // when / then
        assertThat(request(token("https://issuer.example", Map.of("scope", "read write")))).isEqualTo(Outcome.ALLOW);
        assertThat(request(token("https://issuer.example", Map.of("roles", "user admin")))).isEqualTo(Outcome.ALLOW);
        assertThat(request(token("https://issuer.example", Map.of("groups", "user admin")))).isEqualTo(Outcome.DENY);
    }

    @Test
    void matches_nested_claims_list_claims_audiences_and_presenter() {
        // given
        mesh.with(authn("") + Policies.onApi("p", """
                rules:
                - when: [{key: 'request.auth.claims[org][teams]', values: [payments]}]
                - when: [{key: request.auth.audiences, values: [shop]}, {key: request.auth.presenter, values: [cli]}]"""));

        // when / then
        assertThat(request(token("https://issuer.example", Map.of("org", Map.of("teams", List.of("ops", "payments"))))))
                .isEqualTo(Outcome.ALLOW);
        assertThat(request(token("https://issuer.example", Map.of("aud", "shop", "azp", "cli"))))
                .isEqualTo(Outcome.ALLOW);
        assertThat(request(token("https://issuer.example", Map.of("aud", "shop", "azp", "web"))))
                .isEqualTo(Outcome.DENY);
    }

    @Test
    void splits_a_request_principal_at_its_last_slash() {
        // given
        mesh.with(authn("") + Policies.onApi("p", "rules:\n- when: [{key: request.auth.principal, values: ['https://issuer.example/*']}]"));

        // when / then
        assertThat(request(token("https://issuer.example", Map.of()))).isEqualTo(Outcome.ALLOW);
        assertThat(request(new HttpRequest("GET", "/", "", Map.of(), Optional.of(
                new HttpRequest.Jwt("https://issuer.example", "", Map.of()))))).isEqualTo(Outcome.DENY);
    }

    @Test
    void removes_the_token_header_unless_forwarded_and_adds_claim_headers() {
        // given
        String rules = """
                rules:
                - when: [{key: 'request.headers[x-user]', values: [alice]}, {key: 'request.headers[authorization]', notValues: ['*']}]""";
        mesh.with(authn("outputClaimToHeaders: [{header: x-user, claim: sub}]") + Policies.onApi("p", rules));

        // when
        HttpRequest request = new HttpRequest("GET", "/", "", Map.of("Authorization", "Bearer t", "x-user", "mallory"),
                Optional.of(new HttpRequest.Jwt("https://issuer.example", "alice", Map.of())));

        // then
        assertThat(request(request)).isEqualTo(Outcome.ALLOW);
        mesh.with(authn("forwardOriginalToken: true") + Policies.onApi("p", rules));
        assertThat(request(request)).isEqualTo(Outcome.DENY);
    }

    @Test
    void does_not_read_a_token_a_rule_expects_elsewhere() {
        // given
        mesh.with(authn("fromHeaders: [{name: x-jwt}]") + Policies.onApi("p", "rules:\n- from: [{source: {requestPrincipals: ['*']}}]"));

        // when / then
        assertThat(request(token("https://issuer.example", Map.of()))).isEqualTo(Outcome.DENY);
    }

    @Test
    void applies_a_root_namespace_request_authentication_to_every_workload() {
        // given
        mesh.with(AUTHN.formatted("").replace("namespace: shop", "namespace: istio-system")
                + Policies.onApi("p", "rules:\n- from: [{source: {requestPrincipals: ['*']}}]"));

        // when / then
        assertThat(request(token("https://issuer.example", Map.of()))).isEqualTo(Outcome.ALLOW);
    }
}
