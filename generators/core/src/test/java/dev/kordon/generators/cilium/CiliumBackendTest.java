package dev.kordon.generators.cilium;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cilium.CiliumTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Fixtures;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Golden;
import dev.kordon.generators.Role;
import dev.kordon.generators.Seeds;
import dev.kordon.generators.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Cilium backend on the shared fixtures: the article's example, the product card and the online boutique. */
class CiliumBackendTest {

    @Test
    void the_articles_frontend_api_policy() {
        // when the article's CiliumNetworkPolicy example is generated
        Generation generation = cilium(Fixtures.seedFrontendApi());
        // then it is one policy whose spec is the article's: the prefix /api/v1/* as the regex /api/v1/.*
        Seeds.assertSameAsSeed(single(generation), "ciliumnetworkpolicy-frontend-api.yaml");
        assertThat(single(generation).body()).isInstanceOf(CiliumPolicy.class);
    }

    @Test
    void the_product_card_is_exact_on_cilium() {
        // when the product card (GET /api/* from the frontend's service account) is generated
        Generation generation = cilium(Fixtures.productCard());
        // then the service account and the HTTP rule are enforced as declared
        Golden.assertMatches(generation, "product-card");
        assertThat(generation.report().entries()).isEmpty();
    }

    @Test
    void the_product_card_needs_none_of_its_downgrades() {
        // when the variant that accepts the downgrades of L3/L4-only targets is generated
        Generation downgraded = cilium(Fixtures.productCardWithDowngrades());
        // then cilium applies none of them: the objects are those of the exact intent
        assertThat(downgraded.stream()).isEqualTo(cilium(Fixtures.productCard()).stream());
        assertThat(downgraded.report().entries()).isEmpty();
    }

    @Test
    void under_a_mesh_the_product_card_leaves_http_to_the_mesh() {
        // when cilium is the transport of a mesh
        Generation generation = transport(Fixtures.productCard());
        // then it allows the port from the service account, and the mesh checks GET /api/*
        assertSpec(single(generation), """
                endpointSelector: {matchLabels: {app: backend}}
                ingress:
                - fromEndpoints: [{matchLabels: {"k8s:io.cilium.k8s.policy.serviceaccount": frontend}}]
                  toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
                """);
    }

    @Test
    void the_online_boutique() {
        // when the boutique's call graph is generated
        Generation generation = cilium(Fixtures.onlineBoutique());
        // then every intent is exact (the world is Cilium's world entity, so its accepted downgrade is not used)
        Golden.assertMatches(generation, "online-boutique");
        assertThat(generation.report().entries()).isEmpty();
        assertThat(generation.resources()).hasSize(35);
    }

    @Test
    void two_generations_are_byte_identical() {
        String first = cilium(Fixtures.onlineBoutique()).stream();
        String second = cilium(Fixtures.onlineBoutique()).stream();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void the_order_of_declaration_does_not_change_the_output() {
        // given the boutique's intents declared in reverse order
        PolicySet boutique = Fixtures.onlineBoutique();
        List<Intent> reversed = new ArrayList<>(boutique.intents());
        java.util.Collections.reverse(reversed);
        PolicySet redeclared = policySet(boutique.name()).owner(boutique.owner()).description(boutique.description())
                .intents(reversed).build();
        // then the stream is the same
        assertThat(cilium(redeclared).stream()).isEqualTo(cilium(boutique).stream());
    }

    @Test
    void the_default_locale_does_not_change_the_output() {
        Locale before = Locale.getDefault();
        String rooted = cilium(Fixtures.onlineBoutique()).stream();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(cilium(Fixtures.onlineBoutique()).stream()).isEqualTo(rooted);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void the_capability_matrix_is_reviewed_as_a_whole() {
        // the support of every feature, per role, as a golden file: a change of fidelity is a deliberate diff
        StringBuilder matrix = new StringBuilder();
        for (Role role : List.of(Role.COMPLETE, Role.TRANSPORT)) {
            matrix.append(role).append('\n');
            for (Feature feature : Feature.values()) {
                Support support = new CiliumBackend().capabilities(role).of(feature);
                matrix.append("  ").append(feature).append(": ").append(support.fidelity())
                        .append(support.downgrade().map(downgrade -> " (unless accepting " + downgrade + ")")
                                .orElse(""))
                        .append(support.reason().isEmpty() ? "" : " -- " + support.reason()).append('\n');
            }
        }
        Golden.assertFile("cilium/capabilities.txt", matrix.toString());
    }

    @Test
    void every_feature_is_declared_for_both_roles_a_cni_plays() {
        CiliumBackend backend = new CiliumBackend();
        for (Role role : List.of(Role.COMPLETE, Role.TRANSPORT)) {
            for (Feature feature : Feature.values()) {
                Support support = backend.capabilities(role).of(feature);
                assertThat(support).as("%s as %s", feature, role).isNotNull();
                assertThat(support.fidelity() == Fidelity.EXACT || !support.reason().isEmpty())
                        .as("%s as %s says why it is not exact", feature, role).isTrue();
            }
        }
    }

    @Test
    void a_workload_in_several_namespaces_gets_one_policy_per_namespace() {
        // given pods of two named namespaces as the subject
        Workload web = workload("shop", "web", labels("app", "web"));
        PolicySet set = policySet("multi").intents(
                allow(pods(inNamespace("a", "b"), labels("app", "api"))).to(web).on(tcp(80)).onlyEgress()).build();
        // when
        Generation generation = cilium(set);
        // then each namespace has its own numbered policy, and the peer names its namespace
        assertFiles(generation).containsExactly(
                "a/ciliumnetworkpolicy-multi-allow-a-b-api-to-web-egress-1.yaml",
                "b/ciliumnetworkpolicy-multi-allow-a-b-api-to-web-egress-2.yaml");
        assertSpec(generation.resources().get(0), """
                endpointSelector: {matchLabels: {app: api}}
                egress:
                - toEndpoints: [{matchLabels: {app: web, "k8s:io.kubernetes.pod.namespace": shop}}]
                  toPorts: [{ports: [{port: "80", protocol: TCP}]}]
                """);
    }
}
