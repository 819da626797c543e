package dev.kordon.generators.anp;

import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Fixtures;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.Generator;
import dev.kordon.generators.Golden;
import dev.kordon.generators.Resource;
import dev.kordon.generators.SchemaValidator;
import dev.kordon.generators.Seeds;
import dev.kordon.generators.Targets;
import dev.kordon.generators.cnp.GuardrailFixtures;
import dev.kordon.generators.manifest.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The kubernetes+anp target as a whole: the article's example, the shared fixtures, goldens and determinism. */
class AdminNetworkPolicyBackendTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    static Generation kubernetesAnp(PolicySet... sets) {
        return new Generator().generate(List.of(sets), Targets.parse("kubernetes+anp"));
    }

    static void assertSchemaValid(Generation generation) {
        for (Resource resource : generation.resources()) {
            assertThat(SCHEMAS.validate(resource)).as("schema violations of %s", resource.file()).isEmpty();
        }
    }

    private static long count(Generation generation, String kind) {
        return generation.resources().stream().filter(resource -> resource.kind().equals(kind)).count();
    }

    @Test
    void the_articles_malicious_network_policy_as_an_admin_network_policy() {
        // when the article's ClusterNetworkPolicy example is generated for the legacy API
        Generation generation = kubernetesAnp(Fixtures.seedBlockMaliciousNetwork());
        assertSchemaValid(generation);
        Resource resource = generation.resources().get(0);
        assertThat(generation.resources()).hasSize(1);
        assertThat(resource.apiVersion()).isEqualTo("policy.networking.k8s.io/v1alpha1");
        assertThat(resource.kind()).isEqualTo("AdminNetworkPolicy");
        // then its spec is the article's after two differences of the legacy API, and only those:
        JsonNode actual = Yaml.read(Yaml.write(resource.body())).path("spec");
        ObjectNode expected = (ObjectNode) Seeds.read("clusternetworkpolicy-block-malicious-network.yaml").path("spec")
                .deepCopy();
        // spec.tier: v1alpha1 has no tier field; the kind AdminNetworkPolicy is the admin tier
        assertThat(expected.remove("tier").asString()).isEqualTo("Admin");
        // spec.egress[0].name: Kordon names each rule after its intent, the article leaves the optional field out
        assertThat(((ObjectNode) actual.path("egress").get(0)).remove("name").asString())
                .isEqualTo("block-malicious-network");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void refuses_the_product_card_without_its_downgrades() {
        assertThatThrownBy(() -> kubernetesAnp(Fixtures.productCard()))
                .isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).problems())
                        .extracting(problem -> problem.backend() + ":" + problem.feature().id())
                        .containsExactly("kubernetes:peer-service-account", "kubernetes:http-method",
                                "kubernetes:http-path-prefix"))
                .hasMessageContaining("kubernetes+anp: shop/allow-sa-frontend-to-backend (Fixtures.java:");
    }

    @Test
    void the_product_card_with_its_downgrades() {
        Generation generation = kubernetesAnp(Fixtures.productCardWithDowngrades());
        Golden.assertMatches(generation, "product-card");
        assertSchemaValid(generation);
    }

    @Test
    void the_online_boutique() {
        Generation generation = kubernetesAnp(Fixtures.onlineBoutique());
        Golden.assertMatches(generation, "online-boutique");
        assertSchemaValid(generation);
        assertThat(count(generation, "NetworkPolicy")).isEqualTo(35);
    }

    @Test
    void the_platform_guardrails() {
        // when
        Generation generation = kubernetesAnp(GuardrailFixtures.platformGuardrails());
        // then four admin guardrails are four AdminNetworkPolicies, and the four baseline ones share the singleton
        Golden.assertMatches(generation, "platform-guardrails");
        assertSchemaValid(generation);
        assertThat(count(generation, AdminNetworkPolicy.KIND)).isEqualTo(4);
        assertThat(generation.resources()).filteredOn(resource -> resource.kind().equals(BaselineAdminNetworkPolicy.KIND))
                .singleElement().satisfies(resource -> {
                    assertThat(resource.name()).isEqualTo("default");
                    assertThat(resource.intents()).containsExactly("baseline-allow-monitoring",
                            "baseline-deny-pod-ingress", "baseline-deny-smtp-out", "baseline-pass-kube-system");
                });
    }

    @Test
    void the_online_boutique_under_the_platform_guardrails() {
        Generation generation = kubernetesAnp(Fixtures.onlineBoutique(), GuardrailFixtures.platformGuardrails());
        Golden.assertMatches(generation, "online-boutique-with-platform-guardrails");
        assertSchemaValid(generation);
        assertThat(generation.resources()).hasSize(35 + 5);
    }

    @Test
    void intents_declared_in_another_order_give_the_same_stream() {
        List<Intent> reversed = new ArrayList<>(GuardrailFixtures.platformGuardrails().intents());
        Collections.reverse(reversed);
        PolicySet shuffled = policySet("platform").owner("platform-team").intents(reversed).build();
        assertThat(kubernetesAnp(shuffled).stream())
                .isEqualTo(kubernetesAnp(GuardrailFixtures.platformGuardrails()).stream());
    }

    @Test
    void two_policy_sets_with_baseline_guardrails_cannot_share_the_singleton() {
        // given two sets that each have a baseline guardrail
        PolicySet first = policySet("team-a").intents(guardrail("deny-telnet").baseline(10).deny()
                .ingressTo(allPods()).from(allPods()).on(tcp(23))).build();
        PolicySet second = policySet("team-b").intents(guardrail("deny-ftp").baseline(10).deny()
                .ingressTo(allPods()).from(allPods()).on(tcp(21))).build();
        // then each would need the cluster's one BaselineAdminNetworkPolicy, and the generator stops, naming it
        // (a backend sees one set at a time and cannot merge them; see AdminNetworkPolicyBackend)
        assertThatThrownBy(() -> kubernetesAnp(first, second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("two different objects would be written to"
                        + " kubernetes+anp/_cluster/baselineadminnetworkpolicy-default.yaml (intents [deny-telnet] and"
                        + " [deny-ftp])");
    }

    @Test
    void one_policy_set_with_baseline_guardrails_next_to_others_without() {
        PolicySet admin = policySet("team-a").intents(guardrail("deny-telnet").admin(10).deny()
                .ingressTo(allPods()).from(allPods()).on(tcp(23))).build();
        Generation generation = kubernetesAnp(admin, GuardrailFixtures.platformGuardrails());
        assertSchemaValid(generation);
        assertThat(count(generation, BaselineAdminNetworkPolicy.KIND)).isEqualTo(1);
        assertThat(count(generation, AdminNetworkPolicy.KIND)).isEqualTo(5);
    }
}
