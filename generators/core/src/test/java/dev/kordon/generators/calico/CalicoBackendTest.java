package dev.kordon.generators.calico;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.calico.CalicoManifests.assertValid;
import static dev.kordon.generators.calico.CalicoManifests.calico;
import static dev.kordon.generators.calico.CalicoManifests.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Fixtures;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.Golden;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CalicoBackendTest {

    private static final String PIN = CalicoSelector.KUBERNETES_PODS + " && ";

    @Test
    void the_articles_api_gateway_policy() {
        // given the article's example; it relies on Application Layer Policy, so the intent accepts L4_ONLY as a
        // user must for the calico target
        Connection gateway = (Connection) Fixtures.seedApiGateway().intents().get(0);
        PolicySet set = policySet("seed").intents(gateway.accepting(Downgrade.L4_ONLY)).build();
        // when
        Generation generation = calico(set);
        // then one NetworkPolicy (and its Tier) says what the article's says, once these fields are normalized:
        Resource policy = CalicoManifests.resource(generation, "NetworkPolicy",
                "kordon.seed-allow-frontend-to-api-gateway-ingress");
        ObjectNode normalized = (ObjectNode) tree(policy);
        ObjectNode spec = (ObjectNode) normalized.get("spec");
        // - tier: the article uses the default tier; Kordon's application tier denies by default instead
        assertThat(spec.remove("tier").asString()).isEqualTo("kordon");
        // - order: the article's 100 puts it before Kubernetes policies in the default tier; Kordon's tier of its
        //   own comes before the default tier whatever the order, and writes 0
        assertThat(spec.remove("order").asInt()).isZero();
        spec.put("order", 100);
        // - the trailing rule: the article ends with an explicit Deny; here the tier's default action Deny ends it
        ((tools.jackson.databind.node.ArrayNode) spec.get("ingress")).addObject().put("action", "Deny");
        // - the source selector: Kordon pins peers to Kubernetes pods, as Calico's own conversion of Kubernetes
        //   NetworkPolicy does, so that network sets with the same labels do not match
        ObjectNode source = (ObjectNode) spec.get("ingress").get(0).get("source");
        assertThat(source.get("selector").asString()).isEqualTo(PIN + "app == \"frontend\"");
        source.put("selector", "app == \"frontend\"");
        Seeds.assertSameAsSeed(new Resource(policy.apiVersion(), policy.kind(), policy.namespace(), policy.name(),
                policy.intents(), normalized), "calico-networkpolicy-api-gateway.yaml");
        assertThat(generation.report().text()).contains("widened http-method [calico]", "(accepted: l4-only)");
        assertValid(generation);
    }

    @Test
    void refuses_the_api_gateway_policy_without_application_layer_policy_accepted() {
        // when the article's example is generated as declared
        // then Calico would enforce GET /api/v1/users only where ALP runs: a problem for each HTTP feature
        assertThatThrownBy(() -> calico(Fixtures.seedApiGateway()))
                .isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).problems())
                        .extracting(problem -> problem.feature().id())
                        .containsExactly("http-method", "http-path-exact"))
                .hasMessageContaining("widened http-method [calico]: Calico enforces HTTP only with Application Layer"
                        + " Policy (Istio sidecars with the Dikastes check); without it Felix ignores the http clause"
                        + " and the rule matches every request on the intent's ports (wider); methods are written as"
                        + " http.methods\n"
                        + "    fix: use calico+istio, or accept Downgrade.L4_ONLY (the http clause is still written"
                        + " for clusters that enable Application Layer Policy)");
    }

    @Test
    void the_articles_sensitive_ports_policy() {
        // when the article's guardrail is generated
        Generation generation = calico(Fixtures.seedDenySensitivePorts());
        // then one GlobalNetworkPolicy says what the article's says, once these fields are normalized:
        Resource policy = CalicoManifests.resource(generation, "GlobalNetworkPolicy",
                "kordon-admin.seed-deny-sensitive-ports-ingress");
        ObjectNode normalized = (ObjectNode) tree(policy);
        ObjectNode spec = (ObjectNode) normalized.get("spec");
        // - tier: the article uses the default tier; admin guardrails go to Kordon's admin tier (the order, 10, is
        //   the guardrail's priority and stays)
        assertThat(spec.remove("tier").asString()).isEqualTo("kordon-admin");
        // - selector and namespaceSelector: the article selects every endpoint, host endpoints included; allPods()
        //   is every pod and nothing else, which a namespaceSelector keeps to
        assertThat(spec.remove("selector").asString()).isEqualTo("all()");
        assertThat(spec.remove("namespaceSelector").asString()).isEqualTo("all()");
        Seeds.assertSameAsSeed(new Resource(policy.apiVersion(), policy.kind(), policy.namespace(), policy.name(),
                policy.intents(), normalized), "calico-globalnetworkpolicy-deny-sensitive-ports.yaml");
        assertThat(generation.report().problems()).isEmpty();
        assertValid(generation);
    }

    @Test
    void refuses_the_product_card_without_its_downgrades() {
        assertThatThrownBy(() -> calico(Fixtures.productCard()))
                .isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).problems())
                        .extracting(problem -> problem.feature().id())
                        .containsExactly("http-method", "http-path-prefix"))
                .hasMessageContaining("calico: shop/allow-sa-frontend-to-backend (Fixtures.java:")
                .hasMessageContaining("widened http-path-prefix [calico]: Calico enforces HTTP only with Application"
                        + " Layer Policy");
    }

    @Test
    void the_product_card_with_its_downgrades() {
        // when the product card accepts L4_ONLY (its service account needs no downgrade on Calico)
        Generation generation = calico(Fixtures.productCardWithDowngrades());
        // then
        Golden.assertMatches(generation, "product-card");
        assertValid(generation);
        JsonNode rule = tree(CalicoManifests.resource(generation, "NetworkPolicy",
                "kordon.shop-allow-sa-frontend-to-backend-ingress")).path("spec").path("ingress").get(0);
        assertThat(rule.path("source").path("serviceAccounts").path("names").get(0).asString()).isEqualTo("frontend");
        assertThat(rule.path("http").path("paths").get(0).path("prefix").asString()).isEqualTo("/api/");
    }

    @Test
    void the_online_boutique() {
        Generation generation = calico(Fixtures.onlineBoutique());
        Golden.assertMatches(generation, "online-boutique");
        assertValid(generation);
        assertThat(generation.resources()).hasSize(36);
    }

    @Test
    void ports_peers_and_selectors() {
        // given one intent with every kind of port and several kinds of peers
        Workload web = workload("shop", "web", labels("app", "web").and(label("tier").in("a", "b")));
        PolicySet set = policySet("shop").intents(
                allow(web).to(pods(inNamespace("db", "cache"), label("role").exists()),
                        namespaces(labels("team", "data")), cidr("2001:db8::/32").except("2001:db8:1::/48"),
                        serviceAccount("shop", "api"), pods(inNamespace("shop"), label("canary").doesNotExist()))
                        .on(tcp(5432), tcpRange(6000, 6100), tcp("metrics"), allUdpPorts(), sctp(9999))
                        .onlyEgress()).build();
        // when
        Generation generation = calico(set);
        // then
        Golden.assertMatches(generation, "ports-and-peers");
        assertValid(generation);
    }

    @Test
    void guardrails_denies_audits_and_isolation() {
        Golden.assertMatches(calico(CalicoFixtures.platform()), "guardrails");
        assertValid(calico(CalicoFixtures.platform()));
    }

    @Test
    void generating_twice_gives_the_same_bytes() {
        assertThat(calico(Fixtures.onlineBoutique()).files()).isEqualTo(calico(Fixtures.onlineBoutique()).files());
        assertThat(calico(CalicoFixtures.platform()).stream()).isEqualTo(calico(CalicoFixtures.platform()).stream());
    }

    @Test
    void intents_declared_in_another_order_give_the_same_stream() {
        // given the boutique's intents reversed
        PolicySet boutique = Fixtures.onlineBoutique();
        List<Intent> reversed = new ArrayList<>(boutique.intents());
        Collections.reverse(reversed);
        PolicySet shuffled = policySet(boutique.name()).owner(boutique.owner()).description(boutique.description())
                .intents(reversed).build();
        // then
        assertThat(calico(shuffled).stream()).isEqualTo(calico(boutique).stream());
    }

    @Test
    void another_default_locale_gives_the_same_stream() {
        String expected = calico(CalicoFixtures.platform()).stream();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(calico(CalicoFixtures.platform()).stream()).isEqualTo(expected);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void policy_sets_share_the_tier_objects() {
        // when two sets that both use the application tier are generated together
        Generation generation = calico(Fixtures.productCardWithDowngrades(), Fixtures.onlineBoutique());
        // then there is one Tier object, which names neither set
        List<Resource> tiers = generation.resources().stream().filter(r -> r.kind().equals("Tier")).toList();
        assertThat(tiers).extracting(Resource::name).containsExactly("kordon");
        assertThat(tree(tiers.get(0)).path("metadata").toString()).doesNotContain("shop", "boutique");
        assertValid(generation);
    }
}
