package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.http;
import static dev.kordon.simulator.cilium.CiliumFixture.last;
import static dev.kordon.simulator.cilium.CiliumFixture.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRulesTest {

    private static final String L7 = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: l7, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app: web}}
              ingress:
              - fromEndpoints: [{matchLabels: {app: client}}]
                toPorts:
                - ports: [{port: "8080", protocol: TCP}]
                  rules:
                    http:
                    - {method: GET, path: /api/.*}
                    - {method: POST, path: /admin, headers: ['X-Token: 42']}
            """;

    @Test
    void a_path_regex_must_match_the_whole_path_query_included() {
        // given
        Simulator simulator = simulator(L7);
        // then
        assertThat(http(simulator, "shop/client", "shop/web", 8080, "GET", "/api/items", Map.of()).allowed())
                .isTrue();
        assertThat(http(simulator, "shop/client", "shop/web", 8080, "GET", "/api", Map.of()).allowed()).isFalse();
        assertThat(http(simulator, "shop/client", "shop/web", 8080, "GET", "/v2/api/items", Map.of()).allowed())
                .isFalse();
        assertThat(http(simulator, "shop/client", "shop/web", 8080, "GET", "/api/items?x=1", Map.of()).allowed())
                .isTrue();
    }

    @Test
    void a_header_rule_needs_the_exact_value() {
        // given
        Simulator simulator = simulator(L7);
        // then
        assertThat(http(simulator, "shop/client", "shop/web", 8080, "POST", "/admin", Map.of("x-token", "42"))
                .allowed()).isTrue();
        assertThat(http(simulator, "shop/client", "shop/web", 8080, "POST", "/admin", Map.of("X-Token", "41"))
                .allowed()).isFalse();
    }

    @Test
    void an_l7_denial_is_a_403_on_an_allowed_connection() {
        // given
        Simulator simulator = simulator(L7);
        // when
        Verdict verdict = http(simulator, "shop/client", "shop/web", 8080, "POST", "/admin", Map.of());
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.steps().get(verdict.steps().size() - 1).outcome()).isEqualTo("deny (HTTP 403)");
        assertThat(last(verdict, "ingress")).startsWith("L4 allowed, L7 denied (403): spec.ingress[0] of"
                + " CiliumNetworkPolicy shop/l7 matches: ").endsWith("but no HTTP rule matches POST /admin; nearest:"
                + " toPorts[0].rules.http[1] (method POST, path /admin, header X-Token: 42): header X-Token is"
                + " missing (requires X-Token: 42)");
    }

    @Test
    void a_connection_without_an_http_request_is_not_taken_as_allowed() {
        // given
        Simulator simulator = simulator(L7);
        // then
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void an_l4_rule_for_the_same_peer_and_port_lets_every_request_through() {
        // given
        Simulator simulator = simulator(L7 + """
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: l4, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingress:
                  - fromEndpoints: [{matchLabels: {app: client}}]
                """);
        // when
        Verdict verdict = http(simulator, "shop/client", "shop/web", 8080, "DELETE", "/", Map.of());
        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(last(verdict, "ingress")).endsWith("it has no L7 rules, so every request on this port is allowed"
                + " (L7 wildcard)");
    }

    @Test
    void http_rules_apply_even_when_default_deny_is_disabled() {
        // given
        Simulator simulator = simulator(L7.replace("  ingress:", "  enableDefaultDeny: {ingress: false}\n  ingress:"));
        // then
        assertThat(http(simulator, "shop/client", "shop/web", 8080, "GET", "/other", Map.of()).allowed()).isFalse();
        assertThat(http(simulator, "other/client", "shop/web", 8080, "GET", "/other", Map.of()).allowed()).isTrue();
    }
}
