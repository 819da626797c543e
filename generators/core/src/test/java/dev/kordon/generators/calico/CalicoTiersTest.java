package dev.kordon.generators.calico;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.calico.CalicoFixtures.BACKEND;
import static dev.kordon.generators.calico.CalicoFixtures.FRONTEND;
import static dev.kordon.generators.calico.CalicoManifests.assertValid;
import static dev.kordon.generators.calico.CalicoManifests.calico;
import static dev.kordon.generators.calico.CalicoManifests.policies;
import static dev.kordon.generators.calico.CalicoManifests.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.Resource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tiers, orders, types and kinds: how the intent model's order of evaluation is kept (backends.md §3.4). */
class CalicoTiersTest {

    /** Each Tier object of the generation: name to {@code order defaultAction}. */
    private static Map<String, String> tiers(Generation generation) {
        Map<String, String> tiers = new TreeMap<>();
        generation.resources().stream().filter(resource -> resource.kind().equals("Tier")).forEach(resource -> {
            JsonNode spec = tree(resource).path("spec");
            tiers.put(resource.name(), spec.path("order").asString() + " " + spec.path("defaultAction").asString());
        });
        return tiers;
    }

    private static JsonNode spec(Resource resource) {
        return tree(resource).path("spec");
    }

    @Test
    void an_allow_isolates_its_pods_through_a_tier_that_denies_by_default() {
        // when
        Generation generation = calico(policySet("shop").intents(BACKEND.accepts(FRONTEND).on(tcp(8080))).build());
        // then the policy selects the backend in tier kordon, which ends in Deny for whatever it does not allow
        assertThat(policies(generation)).singleElement().satisfies(policy -> {
            assertThat(spec(policy).path("tier").asString()).isEqualTo("kordon");
            assertThat(spec(policy).path("selector").asString()).isEqualTo("app == \"backend\"");
        });
        assertThat(tiers(generation)).containsExactly(Map.entry("kordon", "100000 Deny"));
        assertValid(generation);
    }

    @Test
    void a_deny_alone_does_not_isolate() {
        // when the only intent for the backend is a deny
        Generation generation = calico(policySet("shop").intents(deny(FRONTEND).to(BACKEND).on(tcp(9090))).build());
        // then its policies live in a tier that passes what they do not match, before the allows' tier
        assertThat(policies(generation)).extracting(resource -> spec(resource).path("tier").asString())
                .containsOnly("kordon-deny");
        assertThat(tiers(generation)).containsExactly(Map.entry("kordon-deny", "99900 Pass"));
        assertThat(policies(generation)).allSatisfy(policy -> assertThat(spec(policy).toString())
                .contains("\"action\":\"Deny\"").doesNotContain("Allow"));
        assertValid(generation);
    }

    @Test
    void isolation_is_a_policy_without_rules_with_its_types_written() {
        // when
        Generation generation = calico(policySet("shop").intents(isolate(namespace("shop")).ingress()).build());
        // then
        assertThat(policies(generation)).singleElement().satisfies(policy -> {
            JsonNode spec = spec(policy);
            assertThat(spec.path("types").toString()).isEqualTo("[\"Ingress\"]");
            assertThat(spec.has("ingress")).isFalse();
            assertThat(spec.has("egress")).isFalse();
            assertThat(spec.path("selector").asString()).isEqualTo("all()");
            assertThat(policy.namespace()).isEqualTo("shop");
        });
    }

    @Test
    void types_are_written_even_where_calico_would_default_them() {
        // given an egress-only allow (Calico would default it to [Egress]) and an ingress-only one (to [Ingress])
        PolicySet set = policySet("shop").intents(allow(FRONTEND).to(BACKEND).on(tcp(8080))).build();
        // when
        Generation generation = calico(set);
        // then
        assertThat(policies(generation)).extracting(resource -> spec(resource).path("types").toString())
                .containsExactly("[\"Egress\"]", "[\"Ingress\"]");
    }

    @Test
    void guardrail_priorities_are_orders_and_audits_come_half_a_step_earlier() {
        // when
        Generation generation = calico(CalicoFixtures.platform());
        // then
        Map<String, String> orders = new TreeMap<>();
        for (Resource policy : policies(generation)) {
            orders.put(policy.name(), spec(policy).path("order").asString());
        }
        assertThat(orders).containsEntry("kordon-admin.platform-monitoring-decided-by-teams-ingress", "5")
                .containsEntry("kordon-admin.platform-audit-egress-to-world-egress", "9.5")
                .containsEntry("kordon-admin.platform-block-cloud-metadata-egress", "10")
                .containsEntry("kordon-baseline.platform-baseline-deny-cross-namespace-ingress", "1000")
                .containsEntry("kordon-deny.platform-audit-frontend-to-backend-ingress", "-0.5")
                .containsEntry("kordon-deny.platform-deny-frontend-to-backend-ingress", "0");
        assertThat(tree(CalicoManifests.resource(generation, "GlobalNetworkPolicy",
                "kordon-admin.platform-audit-egress-to-world-egress")).path("spec").path("egress").get(0)
                .path("action").asString()).isEqualTo("Log");
    }

    @Test
    void tiers_sit_between_calicos_built_in_tiers() {
        // when every tier is used
        Map<String, String> tiers = tiers(calico(CalicoFixtures.platform()));
        // then admin < deny < application < default (1,000,000) < baseline < kube-baseline (10,000,000), and only the
        // application tier denies by default
        assertThat(tiers).containsExactly(Map.entry("kordon", "100000 Deny"),
                Map.entry("kordon-admin", "99800 Pass"), Map.entry("kordon-baseline", "5000000 Pass"),
                Map.entry("kordon-deny", "99900 Pass"));
    }

    @Test
    void tier_names_and_orders_follow_the_options() {
        // given
        GeneratorOptions options = new GeneratorOptions("cluster.local", "istio-system", "net", 50_000.5);
        // when
        Generation generation = calico(options, CalicoFixtures.platform());
        // then
        assertThat(tiers(generation)).containsExactly(Map.entry("net", "50000.5 Deny"),
                Map.entry("net-admin", "49800.5 Pass"), Map.entry("net-baseline", "5000000 Pass"),
                Map.entry("net-deny", "49900.5 Pass"));
        assertThat(policies(generation)).allSatisfy(policy -> assertThat(policy.name())
                .startsWith(spec(policy).path("tier").asString() + "."));
        assertValid(generation);
    }

    @Test
    void options_that_would_break_the_tier_layout_are_refused() {
        PolicySet set = policySet("shop").intents(BACKEND.accepts(FRONTEND).on(tcp(8080))).build();
        assertThatThrownBy(() -> calico(new GeneratorOptions("cluster.local", "istio-system", "kube", 100_000), set))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GeneratorOptions.calicoTier 'kube' gives the tier name 'kube-admin', which is one of"
                        + " Calico's own tiers [default, kube-admin, kube-baseline]");
        assertThatThrownBy(() -> calico(new GeneratorOptions("cluster.local", "istio-system", "Kordon", 100_000), set))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("GeneratorOptions.calicoTier must be a DNS-1123 label of at most 37");
        assertThatThrownBy(() -> calico(new GeneratorOptions("cluster.local", "istio-system", "kordon", 2_000_000),
                set)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GeneratorOptions.calicoTierOrder must lie between 1200 and 1000000 (exclusive), so that"
                        + " the Kordon tiers come after kube-admin and before default: 2000000.0");
    }

    @Test
    void a_dry_run_writes_staged_policies_in_real_tiers() {
        // given
        PolicySet set = policySet("shop").dryRun(true).intents(
                isolate(namespace("shop")).ingressAndEgress(),
                allow(FRONTEND).to(BACKEND).on(tcp(8080)),
                guardrail("no-metadata").admin(1).deny().egressFrom(allPods()).to(cidr("169.254.169.254/32"))
                        .on(anyTraffic())).build();
        // when
        Generation generation = calico(set);
        // then nothing is enforced: every policy is staged, and Tiers only order policies
        assertThat(generation.resources()).extracting(Resource::kind).containsOnly("StagedNetworkPolicy",
                "StagedGlobalNetworkPolicy", "Tier");
        assertThat(policies(generation)).allSatisfy(policy -> assertThat(spec(policy).path("stagedAction").asString())
                .isEqualTo("Set"));
        assertThat(generation.report().text()).startsWith("fidelity on target calico: 3 intents, 3 exact");
        assertValid(generation);
    }

    @Test
    void names_carry_the_tier_and_fit_in_63_characters() {
        // given a long intent name
        PolicySet set = policySet("a-rather-long-policy-set-name").intents(
                BACKEND.accepts(FRONTEND).on(tcp(8080)).named("an-intent-name-that-fills-most-of-the-label")).build();
        // when
        Generation generation = calico(set);
        // then
        assertThat(policies(generation)).singleElement().satisfies(policy -> assertThat(policy.name())
                .hasSizeLessThanOrEqualTo(63).startsWith("kordon.a-rather-long-policy-set-name-an-intent")
                .matches("kordon\\.[a-z0-9-]+-[0-9a-f]{8}"));
        assertValid(generation);
    }

    @Test
    void subjects_by_namespace_labels_account_and_namespace_name_pick_the_policy_kind() {
        // given
        PolicySet set = policySet("shop").intents(isolate(
                namespaces(labels("tenant", "a")), allPods(), serviceAccount("shop", "api"),
                workload("shop", "web", labels("app", "web")), pods(inNamespace("db"), labels("role", "db")))
                .egress().named("spread")).build();
        // when
        Generation generation = calico(set);
        // then one NetworkPolicy per namespace by name (its subjects ORed), one GlobalNetworkPolicy per other scope
        Map<String, String> selectors = new TreeMap<>();
        for (Resource policy : policies(generation)) {
            JsonNode spec = spec(policy);
            selectors.put(policy.kind() + " " + policy.namespace() + " " + policy.name(),
                    spec.path("namespaceSelector").asString("-") + " | " + spec.path("selector").asString());
        }
        assertThat(selectors).containsExactly(
                Map.entry("GlobalNetworkPolicy  kordon.shop-spread-1",
                        "all() | all()"),
                Map.entry("GlobalNetworkPolicy  kordon.shop-spread-2",
                        "tenant == \"a\" | all()"),
                Map.entry("NetworkPolicy db kordon.shop-spread",
                        "- | role == \"db\""),
                Map.entry("NetworkPolicy shop kordon.shop-spread",
                        "- | (app == \"web\") || (projectcalico.org/serviceaccount == \"api\")"));
        assertValid(generation);
    }

    @Test
    void the_layers_of_calico_with_istio_leave_http_to_the_mesh() {
        // when the product card, as declared, is assessed for calico+istio
        List<dev.kordon.generators.FidelityEntry> calicoFindings = new dev.kordon.generators.Generator()
                .assess(List.of(dev.kordon.generators.Fixtures.productCard()),
                        dev.kordon.generators.Targets.parse("calico+istio"))
                .entries().stream().filter(entry -> entry.backend().equals("calico")).toList();
        // then the Calico layer has nothing to report: it enforces peers and ports, the mesh the requests
        assertThat(calicoFindings).isEmpty();
    }
}
