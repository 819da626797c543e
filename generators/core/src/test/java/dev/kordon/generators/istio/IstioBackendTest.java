package dev.kordon.generators.istio;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.istio.IstioTesting.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.Fixtures;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.Golden;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Istio mesh layer on the kubernetes+istio target: the article's example, the shared fixtures, determinism. */
class IstioBackendTest {

    static final Workload WEB = workload("shop", "web", labels("app", "web")).withServiceAccount("web");
    static final Workload ADMIN_CONSOLE = workload("ops", "admin-console", labels("app", "admin-console"))
            .withServiceAccount("admin-console");
    static final Workload LEGACY = workload("shop", "legacy", labels("app", "legacy"));
    static final Workload API = workload("shop", "api", labels("app", "api")).withServiceAccount("api")
            .withPort("http", tcp(8080)).withPort("metrics", tcp(9090));

    /** HTTP rules of every kind, a JWT principal and a nested claim, and an L4 allow from a peer without an account. */
    static List<Intent> httpAndJwtIntents() {
        return List.of(
                isolate(namespace("shop")).ingress(),
                allowDns(namespace("shop")),
                API.accepts(GET("/api/v1.0/items+x", "/static/*"), GET("/*.png"),
                        POST("/api/orders").withHost("Shop.Example.com").withHeader("X-Tenant", "a"))
                        .from(WEB).on(tcp("http")),
                API.accepts(anyMethod("/admin/*").withHeader("x-admin-token")).from(ADMIN_CONSOLE).on(tcp(8080))
                        .when(requestPrincipal("https://auth.example.com/*"),
                                jwtClaim("realm_access", "roles").anyOf("shop-admin", "ops")),
                API.accepts(WEB, LEGACY).on(tcp(9090)));
    }

    static PolicySet httpAndJwt() {
        return policySet("shop-api").owner("team-shop").intents(httpAndJwtIntents()).build();
    }

    @Test
    void the_articles_backend_admin_policy() {
        // given the article's Istio example, which the mesh layer finds exact
        PolicySet set = Fixtures.seedBackendAdmin();
        assertThat(meshFindings(set)).isEmpty();
        // when the backend renders it as the mesh layer
        List<Resource> resources = new IstioBackend().render(new RenderRequest(set, set.intents(), Role.MESH,
                KUBERNETES_ISTIO, GeneratorOptions.defaults()));
        // then it is one AuthorizationPolicy whose spec is the article's, field for field
        assertThat(resources).singleElement().satisfies(resource -> {
            Seeds.assertSameAsSeed(resource, "authorizationpolicy-backend-admin.yaml");
            assertThat(resource.body()).isInstanceOf(AuthorizationPolicy.class);
        });
        assertSchemaValid(mesh(set));
    }

    @Test
    void the_product_card_needs_only_the_transport_layers_service_account_downgrade() {
        // when the product card is generated as declared, accepting nothing
        // then the only problem is NetworkPolicy's service account: the mesh enforces the HTTP rule, so no L4_ONLY
        assertThatThrownBy(() -> kubernetesIstio(Fixtures.productCard()))
                .isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).problems())
                        .extracting(problem -> problem.feature().id() + " [" + problem.backend() + "]")
                        .containsExactly("peer-service-account [kubernetes]"));
    }

    @Test
    void the_product_card_accepting_service_accounts_as_pod_labels() {
        // given the product card accepting only the downgrade the NetworkPolicy layer needs
        Workload frontend = workload("shop", "frontend", labels("app", "frontend")).withServiceAccount("frontend");
        Workload backend = workload("shop", "backend", labels("app", "backend")).withServiceAccount("backend");
        PolicySet set = policySet("shop").owner("team-shop").workloads(frontend).intents(
                backend.accepts(GET("/api/*")).from(serviceAccount(frontend)).on(tcp(8080))
                        .accepting(Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS))
                .build();
        // when
        Generation generation = kubernetesIstio(set);
        // then the mesh holds the HTTP rule and the principal, the transport the pod labels
        Golden.assertMatches(generation, "product-card");
        assertThat(generation.report().entries()).extracting(FidelityEntry::backend).containsOnly("kubernetes");
    }

    @Test
    void the_product_card_with_every_downgrade_applies_no_l4_only_on_a_mesh_target() {
        // when the fixture that also accepts L4_ONLY is generated
        Generation generation = kubernetesIstio(Fixtures.productCardWithDowngrades());
        // then L4_ONLY is accepted but never applied: the mesh keeps GET /api/*
        assertThat(generation.report().entries()).extracting(entry -> entry.downgrade().get(0))
                .containsOnly(Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS);
        assertThat(onlySpec(generation).path("rules").get(0).path("to").get(0).path("operation").path("paths")
                .get(0).asString()).isEqualTo("/api/*");
    }

    @Test
    void the_online_boutique() {
        Generation generation = kubernetesIstio(Fixtures.onlineBoutique());
        Golden.assertMatches(generation, "online-boutique");
        // an ALLOW for each of the 17 allows enforced at ingress, plus the namespace's allow-nothing
        assertThat(policies(generation)).hasSize(18);
    }

    @Test
    void http_rules_and_jwt_conditions() {
        Generation generation = kubernetesIstio(httpAndJwt());
        Golden.assertMatches(generation, "http-and-jwt");
        assertThat(policies(generation)).extracting(Resource::name).containsExactly(
                "shop-api-allow-admin-console-to-api", "shop-api-allow-legacy-web-to-api", "shop-api-allow-web-to-api",
                "shop-api-isolate-shop-pods-ingress");
    }

    @Test
    void two_generations_are_byte_identical() {
        assertThat(kubernetesIstio(httpAndJwt()).files()).isEqualTo(kubernetesIstio(httpAndJwt()).files());
    }

    @Test
    void intents_declared_in_another_order_give_the_same_stream() {
        // given the same intents, reversed
        List<Intent> reversed = new ArrayList<>(httpAndJwtIntents());
        Collections.reverse(reversed);
        PolicySet other = policySet("shop-api").owner("team-shop").intents(reversed).build();
        // then
        assertThat(kubernetesIstio(other).stream()).isEqualTo(kubernetesIstio(httpAndJwt()).stream());
    }

    @Test
    void the_output_does_not_depend_on_the_default_locale() {
        String expected = kubernetesIstio(httpAndJwt()).stream();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(kubernetesIstio(httpAndJwt()).stream()).isEqualTo(expected);
        } finally {
            Locale.setDefault(before);
        }
    }
}
