package dev.kordon.codegen.importer;

import static dev.kordon.dsl.Kordon.GET;
import static dev.kordon.dsl.Kordon.POST;
import static dev.kordon.dsl.Kordon.allPods;
import static dev.kordon.dsl.Kordon.allow;
import static dev.kordon.dsl.Kordon.anyMethod;
import static dev.kordon.dsl.Kordon.anyRequestPrincipal;
import static dev.kordon.dsl.Kordon.audit;
import static dev.kordon.dsl.Kordon.deny;
import static dev.kordon.dsl.Kordon.guardrail;
import static dev.kordon.dsl.Kordon.http;
import static dev.kordon.dsl.Kordon.jwtClaim;
import static dev.kordon.dsl.Kordon.labels;
import static dev.kordon.dsl.Kordon.namespace;
import static dev.kordon.dsl.Kordon.requestPrincipal;
import static dev.kordon.dsl.Kordon.serviceAccount;
import static dev.kordon.dsl.Kordon.tcp;
import static dev.kordon.dsl.Kordon.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.codegen.DslSource;
import dev.kordon.codegen.GeneratedSource;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.Workload;
import dev.kordon.simulator.input.Manifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

/** Intents written as DSL source, compiled with javac and loaded back: the loaded intents equal the originals. */
class IntentSourceTest {

    private static final Workload API = workload("shop", "api", labels("app", "api"));
    private static final Workload WEB = workload("shop", "web", labels("app", "web"));

    @Test
    void writes_http_rules_conditions_and_downgrades_that_compile_to_the_same_intents(@TempDir Path work) {
        // given
        List<Intent> intents = List.of(
                allow(serviceAccount("shop", "web")).to(API).on(tcp(8080))
                        .requests(GET("/static/*", "/index.html"), POST("/api/orders").withHost("shop.example.com")
                                .withHeader("x-tenant", "a"))
                        .onlyIngress(),
                allow(WEB).to(API).on(tcp(9090))
                        .requests(http(HttpMethod.GET, HttpMethod.HEAD).paths("/health"), anyMethod("/*.png"),
                                HttpRule.of(List.of(HttpMethod.DELETE), List.of()).withHeader("x-admin"),
                                HttpRule.of(List.of(HttpMethod.TRACE), List.of()))
                        .when(requestPrincipal("https://auth.example.com/*"),
                                jwtClaim("realm_access", "roles").anyOf("ops", "admin"))
                        .accepting(Downgrade.L4_ONLY, Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS)
                        .named("web-to-api-admin"),
                deny(namespace("legacy")).to(API).on(tcp(8080)).requests(anyMethod("/admin/*"))
                        .when(anyRequestPrincipal(), jwtClaim("role").anyOf("guest")).onlyIngress(),
                audit(WEB).to(API).on(tcp(8080)).requests(HttpRule.of(List.of(), List.of()).withHost("*.example.com")),
                guardrail("no-admin-paths").admin(5).deny().ingressTo(allPods()).from(namespace("legacy"))
                        .on(tcp(8080)).requests(GET("/admin")).when(anyRequestPrincipal()));

        // when
        List<Intent> loaded = compiledAndLoaded(intents, work);

        // then
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(named(intents));
    }

    @Test
    void writes_a_single_method_with_its_own_factory_and_several_methods_with_http() {
        // given
        IntentSource source = new IntentSource(new DslSource());

        // when
        String text = source.intent(allow(WEB).to(API).on(tcp(8080)).requests(POST("/a"),
                http(HttpMethod.GET, HttpMethod.PUT).paths("/b")).onlyIngress()).toString().replaceAll("\\s+", " ");

        // then
        assertThat(text).contains("dev.kordon.dsl.Kordon.POST(\"/a\")")
                .contains("dev.kordon.dsl.Kordon.http(dev.kordon.dsl.HttpMethod.GET, dev.kordon.dsl.HttpMethod.PUT)")
                .contains(".paths(\"/b\")");
    }

    /** The intents as the policy set names them (a name derived where none was given). */
    private static List<Intent> named(List<Intent> intents) {
        return Kordon.policySet("shop").intents(intents).buildUnvalidated().intents();
    }

    private static List<Intent> compiledAndLoaded(List<Intent> intents, Path work) {
        Manifest manifest = new Manifest("intents.yaml", 1, "v1", "Test", "shop", "intents",
                JsonNodeFactory.instance.objectNode());
        List<PolicyImport.Imported> imported = named(intents).stream()
                .map(intent -> new PolicyImport.Imported("shop", manifest, intent)).toList();
        GeneratedSource source = new ImportWriter("roundtrip.intents", new IntentSource(new DslSource()))
                .write("shop", "ShopPolicies", imported);
        ImportResult result = new ImportResult(List.of(source), List.of(), List.of());
        return RoundTrip.load(result, List.of(), work).get(0).intents();
    }
}
