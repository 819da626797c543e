package dev.kordon.generators.cnp;

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
import dev.kordon.generators.cnp.ClusterNetworkPolicy.EgressRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The kubernetes+cnp target as a whole: the article's example, the shared fixtures, goldens and determinism. */
class ClusterNetworkPolicyBackendTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    static Generation kubernetesCnp(PolicySet... sets) {
        return new Generator().generate(List.of(sets), Targets.parse("kubernetes+cnp"));
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
    void the_articles_malicious_network_policy() {
        // when the article's ClusterNetworkPolicy example is generated
        Generation generation = kubernetesCnp(Fixtures.seedBlockMaliciousNetwork());
        // then it is one cluster-scoped ClusterNetworkPolicy
        assertSchemaValid(generation);
        assertThat(generation.resources()).singleElement().satisfies(resource -> {
            assertThat(resource.name()).isEqualTo("seed-block-malicious-network");
            assertThat(resource.isClusterScoped()).isTrue();
        });
        Resource resource = generation.resources().get(0);
        ClusterNetworkPolicy policy = (ClusterNetworkPolicy) resource.body();
        // and its one rule carries the intent's name, which the article's manifest leaves out (the field is optional
        // and only serves observability: implementations name the rule in logs and status)
        assertThat(policy.spec().egress()).singleElement().extracting(EgressRule::name)
                .isEqualTo("block-malicious-network");
        // and, with only that field removed (egress[0].name), it says what the article's (corrected) manifest says
        Seeds.assertSameAsSeed(withoutRuleNames(resource, policy), "clusternetworkpolicy-block-malicious-network.yaml");
    }

    private static Resource withoutRuleNames(Resource resource, ClusterNetworkPolicy policy) {
        List<EgressRule> egress = policy.spec().egress().stream()
                .map(rule -> new EgressRule(null, rule.action(), rule.to(), rule.protocols())).toList();
        ClusterNetworkPolicy.Spec spec = new ClusterNetworkPolicy.Spec(policy.spec().tier(), policy.spec().priority(),
                policy.spec().subject(), policy.spec().ingress(), egress);
        return new Resource(resource.apiVersion(), resource.kind(), resource.namespace(), resource.name(),
                resource.intents(), new ClusterNetworkPolicy(policy.metadata(), spec));
    }

    @Test
    void refuses_the_product_card_without_its_downgrades() {
        // when the product card's application intent is generated, it goes to the NetworkPolicy layer
        // then that layer's problems stop generation, and the guardrail layer has nothing to say about it
        assertThatThrownBy(() -> kubernetesCnp(Fixtures.productCard()))
                .isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).problems())
                        .extracting(problem -> problem.backend() + ":" + problem.feature().id())
                        .containsExactly("kubernetes:peer-service-account", "kubernetes:http-method",
                                "kubernetes:http-path-prefix"))
                .hasMessageContaining("kubernetes+cnp: shop/allow-sa-frontend-to-backend (Fixtures.java:");
    }

    @Test
    void the_product_card_with_its_downgrades() {
        Generation generation = kubernetesCnp(Fixtures.productCardWithDowngrades());
        Golden.assertMatches(generation, "product-card");
        assertSchemaValid(generation);
        assertThat(count(generation, ClusterNetworkPolicy.KIND)).isZero();
    }

    @Test
    void the_online_boutique() {
        Generation generation = kubernetesCnp(Fixtures.onlineBoutique());
        Golden.assertMatches(generation, "online-boutique");
        assertSchemaValid(generation);
        assertThat(count(generation, "NetworkPolicy")).isEqualTo(35);
        assertThat(count(generation, ClusterNetworkPolicy.KIND)).isZero();
    }

    @Test
    void the_platform_guardrails() {
        Generation generation = kubernetesCnp(GuardrailFixtures.platformGuardrails());
        Golden.assertMatches(generation, "platform-guardrails");
        assertSchemaValid(generation);
        assertThat(generation.resources()).hasSize(8).allSatisfy(resource -> {
            assertThat(resource.kind()).isEqualTo(ClusterNetworkPolicy.KIND);
            assertThat(resource.name()).startsWith("platform-");
        });
    }

    @Test
    void the_online_boutique_under_the_platform_guardrails() {
        // given the boutique's application intents and the platform team's guardrails
        // when both are generated together
        Generation generation = kubernetesCnp(Fixtures.onlineBoutique(), GuardrailFixtures.platformGuardrails());
        // then the NetworkPolicy layer takes the one and the ClusterNetworkPolicy layer the other
        Golden.assertMatches(generation, "online-boutique-with-platform-guardrails");
        assertSchemaValid(generation);
        assertThat(count(generation, "NetworkPolicy")).isEqualTo(35);
        assertThat(count(generation, ClusterNetworkPolicy.KIND)).isEqualTo(8);
    }

    @Test
    void refuses_an_application_tier_deny() {
        // given an application-tier deny: the NetworkPolicy layer's, which cannot deny
        PolicySet set = policySet("shop").intents(deny(namespace("shop")).to(namespace("billing")).on(tcp(8080)))
                .build();
        // then the target refuses it with that layer's reason and fix
        assertThatThrownBy(() -> kubernetesCnp(set))
                .isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).problems()).singleElement()
                        .satisfies(problem -> assertThat(problem.describe()).isEqualTo("unsupported application-deny"
                                + " [kubernetes]: NetworkPolicy only allows; it has no deny\n"
                                + "  fix: use calico, cilium or a +istio target, or state the access as a narrower"
                                + " allow")));
    }

    @Test
    void generating_twice_gives_the_same_bytes() {
        String first = kubernetesCnp(GuardrailFixtures.platformGuardrails()).stream();
        String second = kubernetesCnp(GuardrailFixtures.platformGuardrails()).stream();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void intents_declared_in_another_order_give_the_same_stream() {
        // given the platform guardrails declared in reverse order
        List<Intent> reversed = new ArrayList<>(GuardrailFixtures.platformGuardrails().intents());
        Collections.reverse(reversed);
        PolicySet shuffled = policySet("platform").owner("platform-team").intents(reversed).build();
        // then the output is the same
        assertThat(kubernetesCnp(shuffled).stream())
                .isEqualTo(kubernetesCnp(GuardrailFixtures.platformGuardrails()).stream());
    }

    @Test
    void another_default_locale_gives_the_same_stream() {
        String expected = kubernetesCnp(GuardrailFixtures.platformGuardrails()).stream();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(kubernetesCnp(GuardrailFixtures.platformGuardrails()).stream()).isEqualTo(expected);
        } finally {
            Locale.setDefault(before);
        }
    }
}
