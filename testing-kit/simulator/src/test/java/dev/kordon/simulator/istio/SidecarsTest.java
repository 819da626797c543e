package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision.Outcome;
import org.junit.jupiter.api.Test;

/** Which pods have a proxy: injection labels, host network, gateways. */
class SidecarsTest {

    private static final String DENY_ALL = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny-all, namespace: istio-system}
            spec: {action: DENY, rules: [{}]}
            """;

    private final MeshFixture mesh = MeshFixture.cluster()
            .namespace("shop", "istio-injection=enabled")
            .namespace("legacy")
            .namespace("istio-system")
            .pod("shop/api", "10.0.0.2", "app=api")
            .pod("legacy/cron", "10.0.9.1", "app=cron")
            .pod("legacy/opted", "10.0.9.2", "sidecar.istio.io/inject=true")
            .pod("istio-system/ingress", "10.0.8.1", "istio=ingressgateway");

    @Test
    void in_a_cluster_that_opts_in_namespaces_an_unlabelled_namespace_has_no_sidecars() {
        // given
        mesh.with(DENY_ALL);

        // when
        var decision = mesh.decide(mesh.tcp("shop/api", "legacy/cron", 80));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENFORCED);
        assertThat(decision.steps().get(0).reason()).isEqualTo("namespace legacy is not labelled"
                + " istio-injection=enabled (or istio.io/rev), as the meshed namespaces of this cluster are: no"
                + " sidecar decides");
    }

    @Test
    void a_pod_labelled_for_injection_has_a_sidecar_anywhere() {
        // given
        mesh.with(DENY_ALL);

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/api", "legacy/opted", 80)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(mesh.decide(mesh.tcp("shop/api", "shop/api", 80)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_gateway_is_a_proxy_that_peer_authentication_does_not_configure() {
        // given
        mesh.with(DENY_ALL.replace("deny-all", "strict").replace("AuthorizationPolicy", "PeerAuthentication")
                .replace("{action: DENY, rules: [{}]}", "{mtls: {mode: STRICT}}"));

        // when
        var decision = mesh.decide(mesh.tcp("ip:198.51.100.1", "istio-system/ingress", 8080));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENFORCED);
        assertThat(decision.steps().get(1).reason()).isEqualTo("istio-system/ingress port 8080 is PERMISSIVE (a"
                + " gateway: PeerAuthentication does not configure its listeners): accepted with no peer identity");
    }

    @Test
    void a_source_without_sidecar_sends_plaintext() {
        // given
        mesh.with(Policies.onApi("p", "rules:\n- from: [{source: {namespaces: [legacy]}}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("legacy/cron", "shop/api", 80)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(mesh.decide(mesh.tcp("legacy/opted", "shop/api", 80)).outcome()).isEqualTo(Outcome.ALLOW);
    }
}
