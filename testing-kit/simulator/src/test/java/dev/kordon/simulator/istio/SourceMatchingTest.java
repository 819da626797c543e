package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision.Outcome;
import org.junit.jupiter.api.Test;

/** {@code from.source}: peer identities (mTLS only), request principals, addresses, and their negations. */
class SourceMatchingTest {

    private final MeshFixture mesh = MeshFixture.cluster()
            .pod("shop/web", "10.0.0.1", "app=web")
            .podAs("shop/batch", "10.0.0.3", "jobs", "app=batch")
            .pod("shop/api", "10.0.0.2", "app=api")
            .pod("other/web", "10.0.1.1", "app=web")
            .namespace("legacy", "istio-injection=disabled")
            .pod("legacy/cron", "10.0.9.1");

    private Outcome allowFrom(String source, String from) {
        mesh.with(Policies.onApi("p", "rules:\n- from: [{source: " + source + "}]"));
        return mesh.decide(mesh.tcp(from, "shop/api", 8080)).outcome();
    }

    @Test
    void matches_principals_in_the_four_string_forms() {
        assertThat(allowFrom("{principals: [cluster.local/ns/shop/sa/web]}", "shop/web")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{principals: [cluster.local/ns/shop/*]}", "shop/batch")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{principals: ['*/sa/web']}", "other/web")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{principals: ['*']}", "other/web")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{principals: [cluster.local/ns/shop/sa/web]}", "other/web")).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_principal_written_with_spiffe_prefix_never_matches() {
        assertThat(allowFrom("{principals: ['spiffe://cluster.local/ns/shop/sa/web']}", "shop/web"))
                .isEqualTo(Outcome.DENY);
    }

    @Test
    void identity_fields_never_match_plaintext() {
        assertThat(allowFrom("{principals: ['*']}", "legacy/cron")).isEqualTo(Outcome.DENY);
        assertThat(allowFrom("{namespaces: ['*']}", "ip:192.0.2.7")).isEqualTo(Outcome.DENY);
    }

    @Test
    void negated_identity_fields_match_plaintext() {
        // given
        mesh.with(Policies.onApi("p", "action: DENY\nrules:\n- from: [{source: {notPrincipals: ['*']}}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("legacy/cron", "shop/api", 8080)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void matches_namespaces_with_wildcards() {
        assertThat(allowFrom("{namespaces: [shop]}", "shop/web")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{namespaces: ['oth*']}", "other/web")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{namespaces: [shop]}", "other/web")).isEqualTo(Outcome.DENY);
        assertThat(allowFrom("{notNamespaces: [shop]}", "other/web")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void reads_a_service_account_without_namespace_in_the_policy_namespace() {
        assertThat(allowFrom("{serviceAccounts: [jobs]}", "shop/batch")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{serviceAccounts: [other/web]}", "other/web")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{serviceAccounts: [web]}", "other/web")).isEqualTo(Outcome.DENY);
    }

    @Test
    void matches_ip_blocks_on_the_source_address() {
        assertThat(allowFrom("{ipBlocks: [10.0.0.0/24]}", "shop/web")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{ipBlocks: [10.0.1.1]}", "other/web")).isEqualTo(Outcome.ALLOW);
        assertThat(allowFrom("{notIpBlocks: [10.0.0.0/16]}", "other/web")).isEqualTo(Outcome.DENY);
        assertThat(allowFrom("{remoteIpBlocks: [192.0.2.0/24]}", "ip:192.0.2.7")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void requires_every_field_of_a_source_and_any_source_of_a_rule() {
        assertThat(allowFrom("{namespaces: [shop], ipBlocks: [10.0.1.0/24]}", "shop/web")).isEqualTo(Outcome.DENY);
        mesh.with(Policies.onApi("p", "rules:\n- from: [{source: {namespaces: [x]}}, {source: {namespaces: [other]}}]"));
        assertThat(mesh.decide(mesh.tcp("other/web", "shop/api", 8080)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void explains_a_plaintext_source_that_an_identity_rule_cannot_match() {
        // given
        mesh.with(Policies.onApi("p", "rules:\n- from: [{source: {namespaces: [shop]}}]"));

        // when
        var steps = mesh.explain(mesh.tcp("legacy/cron", "shop/api", 8080));

        // then
        assertThat(steps).containsExactly(
                "[istio mesh mTLS] sent - the source has no sidecar (namespace legacy is labelled"
                        + " istio-injection=disabled): it sends plaintext",
                "[istio mesh mTLS] accept - shop/api port 8080 is PERMISSIVE (no PeerAuthentication sets a mode:"
                        + " PERMISSIVE by default): accepted with no peer identity",
                "[istio mesh ALLOW] deny - ALLOW policies apply to shop/api (AuthorizationPolicy shop/p) and none of"
                        + " their rules matches; nearest: rule 0 of AuthorizationPolicy shop/p: namespaces [shop] vs"
                        + " no peer identity (plaintext)");
    }
}
