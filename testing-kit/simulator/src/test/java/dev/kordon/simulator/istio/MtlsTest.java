package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision.Outcome;
import org.junit.jupiter.api.Test;

/** Which connection reaches the destination's proxy: sidecars, PeerAuthentication modes, DestinationRule TLS. */
class MtlsTest {

    private static final String PRINCIPAL_ONLY = Policies.onApi("p",
            "rules:\n- from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]");

    private final MeshFixture mesh = MeshFixture.cluster()
            .pod("shop/web", "10.0.0.1", "app=web")
            .pod("shop/api", "10.0.0.2", "app=api", "tier=backend")
            .pod("shop/plain", "10.0.0.3", "app=plain", "sidecar.istio.io/inject=false")
            .hostNetworkPod("shop/agent", "192.168.0.10");

    private static String peerAuthentication(String namespace, String name, String spec) {
        return """
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: %s, namespace: %s}
                spec:
                %s
                ---
                """.formatted(name, namespace, spec.indent(2).stripTrailing());
    }

    private static String destinationRule(String name, String host, String mode) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: %s, namespace: shop}
                spec:
                  host: '%s'
                  trafficPolicy: {tls: {mode: %s}}
                ---
                """.formatted(name, host, mode);
    }

    @Test
    void strict_rejects_plaintext_from_outside_the_mesh() {
        // given
        mesh.with(peerAuthentication("shop", "strict", "mtls: {mode: STRICT}"));

        // when
        var steps = mesh.explain(mesh.tcp("shop/plain", "shop/api", 8080));

        // then
        assertThat(steps).containsExactly(
                "[istio mesh mTLS] sent - the source has no sidecar (shop/plain is labelled"
                        + " sidecar.istio.io/inject=false): it sends plaintext",
                "[istio mesh mTLS] deny - shop/api port 8080 is STRICT (PeerAuthentication shop/strict sets STRICT):"
                        + " it accepts Istio mTLS only, so it rejects this connection");
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.NOT_ENFORCED);
    }

    @Test
    void permissive_accepts_plaintext_without_identity() {
        // given
        mesh.with(PRINCIPAL_ONLY);

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/agent", "shop/api", 8080)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void the_workload_policy_overrides_the_namespace_and_the_port_level_mode_overrides_both() {
        // given
        mesh.with(peerAuthentication("istio-system", "mesh", "mtls: {mode: STRICT}")
                + peerAuthentication("shop", "ns", "mtls: {mode: UNSET}")
                + peerAuthentication("shop", "api", """
                        selector: {matchLabels: {app: api}}
                        mtls: {mode: PERMISSIVE}
                        portLevelMtls: {"9000": {mode: STRICT}}"""));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/plain", "shop/api", 8080)).outcome()).isEqualTo(Outcome.NOT_ENFORCED);
        assertThat(mesh.decide(mesh.tcp("shop/plain", "shop/api", 9000)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(mesh.decide(mesh.tcp("shop/api", "shop/web", 8080)).outcome()).isEqualTo(Outcome.NOT_ENFORCED);
        assertThat(mesh.decide(mesh.tcp("shop/plain", "shop/web", 8080)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_disabled_port_gets_plaintext_from_auto_mtls_so_no_identity() {
        // given
        mesh.with(peerAuthentication("shop", "off", "selector: {matchLabels: {app: api}}\nmtls: {mode: DISABLE}")
                + PRINCIPAL_ONLY);

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_destination_rule_that_disables_tls_turns_identities_off() {
        // given
        mesh.with(destinationRule("plain", "*.shop.svc.cluster.local", "DISABLE") + PRINCIPAL_ONLY);

        // when / then
        assertThat(mesh.explain(mesh.tcp("shop/web", "shop/api", 8080)).get(0)).isEqualTo("[istio mesh mTLS] sent -"
                + " shop/web's sidecar sends plaintext: DestinationRule shop/plain sets DISABLE for"
                + " *.shop.svc.cluster.local");
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void istio_mutual_to_a_disabled_port_breaks_the_connection() {
        // given
        mesh.with(destinationRule("mtls", "*", "ISTIO_MUTUAL")
                + peerAuthentication("shop", "off", "selector: {matchLabels: {app: api}}\nmtls: {mode: DISABLE}"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void client_originated_tls_hides_http_and_identity() {
        // given
        mesh.with(destinationRule("tls", "*.shop.svc.cluster.local", "SIMPLE")
                + Policies.onApi("p", "rules:\n- to: [{operation: {methods: [GET]}}]"));

        // when
        var decision = mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/"));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.steps()).extracting(step -> step.reason()).contains("the client's own TLS hides the HTTP"
                + " request from shop/api's sidecar: it authorizes a TCP connection");
    }

    @Test
    void a_destination_rule_for_one_service_makes_a_verdict_it_would_change_ambiguous() {
        // given
        mesh.with(destinationRule("api", "api", "DISABLE") + PRINCIPAL_ONLY);

        // when
        var decision = mesh.decide(mesh.tcp("shop/web", "shop/api", 8080));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(decision.steps().get(decision.steps().size() - 1).reason()).isEqualTo("the outcome depends on"
                + " which connection the client makes, which the cluster model does not tell (its Services, or the"
                + " age of disagreeing PeerAuthentications): allow when shop/web's sidecar sends Istio mTLS as"
                + " cluster.local/ns/shop/sa/web: auto mTLS for the other Services of shop (no DestinationRule sets"
                + " its TLS); then shop/api port 8080 is PERMISSIVE (no PeerAuthentication sets a mode: PERMISSIVE by"
                + " default): accepted with peer identity cluster.local/ns/shop/sa/web | deny when shop/web's sidecar"
                + " sends plaintext: DestinationRule shop/api sets DISABLE for api.shop.svc.cluster.local; then"
                + " shop/api port 8080 is PERMISSIVE (no PeerAuthentication sets a mode: PERMISSIVE by default):"
                + " accepted with no peer identity");
    }

    @Test
    void a_destination_rule_of_the_client_namespace_wins_over_the_service_namespace() {
        // given
        MeshFixture clients = MeshFixture.cluster().pod("front/web", "10.1.0.1").pod("shop/api", "10.0.0.2", "app=api");
        clients.with(destinationRule("plain", "*.shop.svc.cluster.local", "DISABLE")
                + destinationRule("mtls", "*", "ISTIO_MUTUAL").replace("namespace: shop", "namespace: front")
                + Policies.onApi("p", "rules:\n- from: [{source: {namespaces: [front]}}]"));

        // when / then
        assertThat(clients.decide(clients.tcp("front/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void a_pod_without_sidecar_is_not_enforced() {
        // given
        mesh.with(Policies.onApi("p", "action: DENY\nrules: [{}]").replace("app: api", "app: plain"));

        // when
        var decision = mesh.decide(mesh.tcp("shop/web", "shop/plain", 80));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENFORCED);
        assertThat(decision.steps().get(0).reason()).isEqualTo("shop/plain is labelled sidecar.istio.io/inject=false:"
                + " no sidecar decides");
    }

    @Test
    void disagreeing_peer_authentications_of_unknown_age_are_each_possible() {
        // given
        mesh.with(peerAuthentication("shop", "a", "mtls: {mode: STRICT}")
                + peerAuthentication("shop", "b", "mtls: {mode: PERMISSIVE}"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/plain", "shop/api", 8080)).outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.NOT_ENFORCED);
    }

    @Test
    void the_oldest_of_disagreeing_peer_authentications_wins() {
        // given
        mesh.with(peerAuthentication("shop", "a", "mtls: {mode: STRICT}")
                .replace("namespace: shop}", "namespace: shop, creationTimestamp: '2024-02-01T00:00:00Z'}")
                + peerAuthentication("shop", "b", "mtls: {mode: PERMISSIVE}")
                .replace("namespace: shop}", "namespace: shop, creationTimestamp: '2024-01-01T00:00:00Z'}"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/plain", "shop/api", 8080)).outcome()).isEqualTo(Outcome.NOT_ENFORCED);
    }
}
