package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code when} conditions: headers, addresses, identities, the destination, the TLS server name. */
class ConditionTest {

    private final MeshFixture mesh = MeshFixture.cluster()
            .pod("shop/web", "10.0.0.1", "app=web")
            .pod("shop/api", "10.0.0.2", "app=api");

    private Outcome when(String condition, String from, Map<String, String> headers) {
        mesh.with(Policies.onApi("p", "rules:\n- when: [" + condition + "]"));
        return mesh.decide(mesh.http(from, "shop/api", 8080, MeshFixture.request("GET", "/", "", headers))).outcome();
    }

    @Test
    void matches_request_headers_by_case_insensitive_name() {
        assertThat(when("{key: 'request.headers[X-Token]', values: [admin]}", "shop/web", Map.of("x-token", "admin")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(when("{key: 'request.headers[x-token]', values: ['adm*']}", "shop/web", Map.of("X-Token", "admin")))
                .isEqualTo(Outcome.ALLOW);
        assertThat(when("{key: 'request.headers[x-token]', values: [admin]}", "shop/web", Map.of()))
                .isEqualTo(Outcome.DENY);
    }

    @Test
    void a_star_header_value_means_present_even_when_empty() {
        assertThat(when("{key: 'request.headers[x-debug]', values: ['*']}", "shop/web", Map.of("x-debug", "")))
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void not_values_hold_when_the_header_is_absent() {
        assertThat(when("{key: 'request.headers[x-token]', notValues: [guest]}", "shop/web", Map.of()))
                .isEqualTo(Outcome.ALLOW);
        assertThat(when("{key: 'request.headers[x-token]', notValues: [guest]}", "shop/web",
                Map.of("x-token", "guest"))).isEqualTo(Outcome.DENY);
    }

    @Test
    void matches_addresses_and_identities_of_the_source() {
        assertThat(when("{key: source.ip, values: [10.0.0.0/24]}", "shop/web", Map.of())).isEqualTo(Outcome.ALLOW);
        assertThat(when("{key: remote.ip, values: [10.9.0.0/16]}", "shop/web", Map.of())).isEqualTo(Outcome.DENY);
        assertThat(when("{key: source.namespace, values: [shop]}", "shop/web", Map.of())).isEqualTo(Outcome.ALLOW);
        assertThat(when("{key: source.principal, values: ['*/sa/web']}", "shop/web", Map.of()))
                .isEqualTo(Outcome.ALLOW);
        assertThat(when("{key: source.principal, values: ['*']}", "ip:203.0.113.9", Map.of()))
                .isEqualTo(Outcome.DENY);
    }

    @Test
    void matches_the_destination() {
        assertThat(when("{key: destination.ip, values: [10.0.0.2]}", "shop/web", Map.of())).isEqualTo(Outcome.ALLOW);
        assertThat(when("{key: destination.port, values: ['8080']}", "shop/web", Map.of())).isEqualTo(Outcome.ALLOW);
        assertThat(when("{key: destination.port, notValues: ['8080']}", "shop/web", Map.of()))
                .isEqualTo(Outcome.DENY);
    }

    @Test
    void the_server_name_is_absent_on_plaintext_and_unknown_on_mtls() {
        assertThat(when("{key: connection.sni, values: ['*']}", "ip:203.0.113.9", Map.of())).isEqualTo(Outcome.DENY);
        assertThat(when("{key: connection.sni, values: ['*']}", "shop/web", Map.of())).isEqualTo(Outcome.AMBIGUOUS);
    }

    @Test
    void envoy_filter_metadata_is_not_known_so_a_rule_that_depends_on_it_is_ambiguous() {
        assertThat(when("{key: 'experimental.envoy.filters.network.mysql_proxy[db.table]', values: ['[update]']}",
                "shop/web", Map.of())).isEqualTo(Outcome.AMBIGUOUS);
    }

    @Test
    void requires_every_condition() {
        assertThat(when("{key: source.namespace, values: [shop]}, {key: destination.port, values: ['80']}",
                "shop/web", Map.of())).isEqualTo(Outcome.DENY);
    }

    @Test
    void explains_a_header_condition_that_matched_in_a_deny() {
        // given
        mesh.with(Policies.onApi("deny-get", """
                action: DENY
                rules:
                - to: [{operation: {methods: [GET]}}]
                  when: [{key: 'request.headers[x-token]', notValues: [admin]}]"""));

        // when
        var steps = mesh.explain(mesh.http("shop/web", "shop/api", 8080,
                MeshFixture.request("GET", "/get", "", Map.of("x-token", "guest"))));

        // then
        assertThat(steps).last().isEqualTo("[istio mesh DENY] AuthorizationPolicy shop/deny-get rule 0: deny - rule 0"
                + " matches: methods [GET] matches method GET; when request.headers[x-token] notValues [admin]"
                + " matches header x-token: guest");
    }
}
