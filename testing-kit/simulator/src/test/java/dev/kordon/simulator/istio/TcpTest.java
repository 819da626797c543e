package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision.Outcome;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Transport;
import org.junit.jupiter.api.Test;

/** Connections without HTTP: HTTP-only attributes make ALLOW rules skip and DENY rules wider; only TCP is seen. */
class TcpTest {

    private final MeshFixture mesh = MeshFixture.cluster()
            .pod("shop/web", "10.0.0.1", "app=web")
            .pod("shop/api", "10.0.0.2", "app=api");

    @Test
    void skips_an_allow_rule_with_http_fields_for_a_tcp_connection() {
        // given
        mesh.with(Policies.onApi("p", "rules:\n- to: [{operation: {ports: ['5432'], methods: [GET]}}]"));

        // when
        var decision = mesh.decide(mesh.tcp("shop/web", "shop/api", 5432));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.steps().get(decision.steps().size() - 1).reason()).isEqualTo("ALLOW policies apply to"
                + " shop/api (AuthorizationPolicy shop/p) and none of their rules matches; every rule was skipped,"
                + " e.g. rule 0 of AuthorizationPolicy shop/p: it uses methods [GET], HTTP-only, so on a TCP"
                + " connection Istio skips this ALLOW rule");
    }

    @Test
    void a_deny_rule_with_http_fields_denies_every_tcp_connection_it_otherwise_matches() {
        // given
        mesh.with(Policies.onApi("p", "action: DENY\nrules:\n- to: [{operation: {methods: [POST], ports: ['8080']}}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 9090)).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/")).outcome())
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void a_deny_rule_with_a_request_principal_source_denies_every_tcp_connection() {
        // given
        mesh.with(Policies.onApi("p", "action: DENY\nrules:\n- from: [{source: {requestPrincipals: [x/y]}}]"));

        // when / then
        assertThat(mesh.explain(mesh.tcp("shop/web", "shop/api", 1234))).last().isEqualTo("[istio mesh DENY]"
                + " AuthorizationPolicy shop/p rule 0: deny - rule 0 matches: on this TCP connection Istio drops its"
                + " HTTP-only requestPrincipals [x/y], which leaves no criteria, so it matches every connection");
    }

    @Test
    void the_sidecar_does_not_see_udp() {
        // given
        mesh.with(Policies.onApi("p", "action: ALLOW"));

        // when
        var decision = mesh.decide(Flow.of(mesh.at("shop/web"), mesh.at("shop/api"), Transport.UDP, 53));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENFORCED);
        assertThat(decision.steps().get(0).reason()).isEqualTo("the sidecar of shop/api intercepts TCP only, not UDP");
    }
}
