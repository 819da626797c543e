package dev.kordon.generators.kubernetes;

import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Fixtures;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.Generator;
import dev.kordon.generators.Golden;
import dev.kordon.generators.Resource;
import dev.kordon.generators.SchemaValidator;
import dev.kordon.generators.Seeds;
import dev.kordon.generators.Targets;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPolicyBackendTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    private static Generation kubernetes(PolicySet set) {
        return new Generator().generate(List.of(set), Targets.parse("kubernetes"));
    }

    private static void assertSchemaValid(Generation generation) {
        for (Resource resource : generation.resources()) {
            assertThat(SCHEMAS.validate(resource)).as("schema violations of %s", resource.file()).isEmpty();
        }
    }

    @Test
    void the_articles_backend_policy() {
        // when the article's first example is generated
        Generation generation = kubernetes(Fixtures.seedBackend());
        // then it is one NetworkPolicy that says what the article's says
        assertThat(generation.resources()).singleElement().satisfies(resource -> {
            Seeds.assertSameAsSeed(resource, "networkpolicy-backend.yaml");
            assertThat(resource.body()).isInstanceOf(NetworkPolicy.class);
        });
        assertSchemaValid(generation);
    }

    @Test
    void the_articles_metadata_server_policy() {
        Generation generation = kubernetes(Fixtures.seedDenyMetadataServer());
        assertThat(generation.resources()).singleElement()
                .satisfies(resource -> Seeds.assertSameAsSeed(resource, "networkpolicy-deny-metadata-server.yaml"));
        assertSchemaValid(generation);
    }

    @Test
    void refuses_the_product_card_without_its_downgrades() {
        // when the product card's intent is generated for plain NetworkPolicy
        // then every feature it cannot express is listed with its fix, and nothing is generated
        assertThatThrownBy(() -> kubernetes(Fixtures.productCard()))
                .isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).problems())
                        .extracting(problem -> problem.feature().id())
                        .containsExactly("peer-service-account", "http-method", "http-path-prefix"))
                .hasMessageContaining("kubernetes: shop/allow-sa-frontend-to-backend (Fixtures.java:")
                .hasMessageContaining("widened http-method [kubernetes]: NetworkPolicy cannot see HTTP or request"
                        + " identity: every request on the intent's ports is allowed\n"
                        + "    fix: add istio to the target (e.g. kubernetes+istio), or accept Downgrade.L4_ONLY");
    }

    @Test
    void the_product_card_with_its_downgrades() {
        Generation generation = kubernetes(Fixtures.productCardWithDowngrades());
        Golden.assertMatches(generation, "product-card");
        assertSchemaValid(generation);
    }

    @Test
    void the_online_boutique() {
        Generation generation = kubernetes(Fixtures.onlineBoutique());
        Golden.assertMatches(generation, "online-boutique");
        assertSchemaValid(generation);
        assertThat(generation.resources()).hasSize(35);
    }

    @Test
    void a_service_account_no_declared_workload_runs_as_is_refused_even_when_accepted() {
        // given an account that no workload of the set declares
        Workload web = workload("shop", "web", labels("app", "web"));
        PolicySet set = policySet("shop").intents(web.accepts(serviceAccount("shop", "ghost")).on(tcp(80))
                .accepting(dev.kordon.dsl.Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS)).build();
        // then there are no pod labels to use, and generation stops instead of emitting an empty selector
        assertThatThrownBy(() -> kubernetes(set)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("unsupported peer-service-account [kubernetes]: no declared workload runs as"
                        + " service account shop/ghost, so NetworkPolicy has no pod labels to match it by");
    }

    @Test
    void ports_peers_and_selectors_are_written_as_kubernetes_expects() {
        // given one intent with every kind of port and several kinds of peers
        Workload web = workload("shop", "web", labels("app", "web").and(label("tier").in("a", "b")));
        PolicySet set = policySet("shop").intents(
                allow(web).to(pods(inNamespace("db", "cache"), label("role").exists()),
                        namespaces(labels("team", "data")), cidr("2001:db8::/32").except("2001:db8:1::/48"))
                        .on(tcp(5432), tcpRange(6000, 6100), tcp("metrics"), allUdpPorts(), sctp(9999))
                        .onlyEgress()).build();
        // when
        Generation generation = kubernetes(set);
        // then
        Golden.assertMatches(generation, "ports-and-peers");
        assertSchemaValid(generation);
    }

    @Test
    void anywhere_and_any_traffic_leave_the_rule_open_on_purpose() {
        Workload web = workload("shop", "web", labels("app", "web"));
        PolicySet set = policySet("shop").intents(web.accepts(anywhere()).on(anyTraffic())).build();
        Generation generation = kubernetes(set);
        assertThat(generation.stream()).contains("  ingress:\n  - {}\n");
        assertSchemaValid(generation);
    }
}
