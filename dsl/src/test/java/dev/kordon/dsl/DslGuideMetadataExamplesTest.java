package dev.kordon.dsl;

import static dev.kordon.dsl.GuideWorkloads.BACKEND;
import static dev.kordon.dsl.GuideWorkloads.FRONTEND;
import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.spi.PolicySetProvider;
import dev.kordon.dsl.spi.PolicySets;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of {@code docs/dsl.md}, sections "Metadata and names", "Validation", "Providers" and "Why these
 * names", each written exactly as the guide shows it, with the model, text or compiler error it must produce.
 */
class DslGuideMetadataExamplesTest {

    @TempDir
    Path dir;

    // ---- Metadata and names ------------------------------------------------------------------------------------

    @Test
    void policy_set_metadata_and_summary() {
        // when
        PolicySet shop = policySet("shop")
                .owner("team-shop@example.com")
                .description("Storefront: frontend calls backend, backend calls Stripe")
                .workloads(FRONTEND, BACKEND)
                .intents(
                        isolate(namespace("shop")).ingressAndEgress(),
                        allowDns(namespace("shop")),
                        allow(FRONTEND).to(BACKEND).on(tcp(8080)),
                        BACKEND.accepts(GET("/api/*")).from(serviceAccount(FRONTEND)).on(tcp(8080)),
                        allow(BACKEND).to(dnsName("api.stripe.com")).on(tcp(443)))
                .build();

        // then
        assertThat(shop.name()).isEqualTo("shop");
        assertThat(shop.owner()).isEqualTo("team-shop@example.com");
        assertThat(shop.description()).isEqualTo("Storefront: frontend calls backend, backend calls Stripe");
        assertThat(shop.dryRun()).isFalse();
        assertThat(shop.workloads()).containsExactly(BACKEND, FRONTEND);
        assertThat(shop.connections()).hasSize(4);
        assertThat(shop.isolations()).hasSize(1);
        assertThat(shop).hasToString("""
                policy set shop (owner: team-shop@example.com, 5 intents)
                  Storefront: frontend calls backend, backend calls Stripe
                  workloads:
                    workload(shop/backend {app=backend} sa=backend ports=[http=tcp/8080])
                    workload(shop/frontend {app=frontend} sa=frontend)
                  intents:
                    allow-backend-to-api-stripe-com          allow shop/backend -> dns(api.stripe.com) on tcp/443 (egress)
                    allow-frontend-to-backend                allow shop/frontend -> shop/backend on tcp/8080 (ingress+egress)
                    allow-sa-frontend-to-backend             allow sa(shop/frontend) -> shop/backend on tcp/8080 http GET /api/* (ingress)
                    allow-shop-pods-to-kube-system-kube-dns  allow pods(shop {}) -> pods(kube-system {k8s-app=kube-dns}) on tcp/53, udp/53 (egress)
                    isolate-shop-pods-ingress-egress         isolate pods(shop {}) (ingress+egress)
                """);
    }

    @Test
    void names_are_derived_from_what_the_intent_says() {
        // when
        PolicySet derived = policySet("derived")
                .intents(
                        isolate(namespace("shop")).ingressAndEgress(),
                        BACKEND.accepts(GET("/api/*")).from(serviceAccount(FRONTEND)).on(tcp(8080)),
                        allow(BACKEND).to(dnsName("*.stripe.com")).on(tcp(443)),
                        allow(BACKEND).to(cidr("10.20.0.0/16")).on(tcp(5432)),
                        deny(FRONTEND).to(BACKEND).on(tcp(9090)))
                .build();

        // then
        assertThat(derived.intents()).extracting(Intent::name).containsExactly(
                "allow-backend-to-any-stripe-com",
                "allow-backend-to-cidr-10-20-0-0-16",
                "allow-sa-frontend-to-backend",
                "deny-frontend-to-backend",
                "isolate-shop-pods-ingress-egress");
    }

    @Test
    void colliding_names_get_a_hash_of_their_meaning_and_named_chooses_one() {
        // when
        PolicySet names = policySet("names")
                .intents(
                        allow(FRONTEND).to(BACKEND).on(tcp(8080)),
                        allow(FRONTEND).to(BACKEND).on(tcp(9090)),
                        allow(FRONTEND).to(BACKEND).on(tcp(8443)).named("frontend-to-backend-tls"))
                .build();

        // then
        assertThat(names.intents()).extracting(Intent::name).containsExactly(
                "allow-frontend-to-backend-4a4130",
                "allow-frontend-to-backend-e57cf5",
                "frontend-to-backend-tls");
        Connection tls = (Connection) names.intent("frontend-to-backend-tls").orElseThrow();
        assertThat(tls.ports()).containsExactly(tcp(8443));
        String meaningOf8080 = allow(FRONTEND).to(BACKEND).on(tcp(8080)).meaning();
        assertThat(Names.hash(meaningOf8080, 6)).isEqualTo("e57cf5");
        assertThat(names.intent("allow-frontend-to-backend-e57cf5").map(Intent::meaning)).contains(meaningOf8080);
    }

    @Test
    void dns1123_label_from_free_text() {
        // when
        String label = Names.dns1123Label("Allow Frontend→Backend");
        String cut = Names.dns1123Label("allow-" + "very-long-".repeat(10) + "name");

        // then
        assertThat(label).isEqualTo("allow-frontend-backend");
        assertThat(cut).hasSize(63).matches("allow-(very-long-)+very-lon-[0-9a-f]{8}");
    }

    @Test
    void equality_ignores_declaration_order() {
        // when
        PolicySet one = policySet("shop")
                .intents(
                        allow(FRONTEND).to(BACKEND).on(tcp(8080), tcp(8443)),
                        isolate(namespace("shop")).ingressAndEgress())
                .build();
        PolicySet other = policySet("shop")
                .intents(
                        isolate(namespace("shop")).ingressAndEgress(),
                        allow(FRONTEND).to(BACKEND).on(tcp(8443), tcp(8080)))
                .build();

        // then
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one.toString()).isEqualTo(other.toString());
        assertThat(one).isNotEqualTo(policySet("shop").intents(isolate(namespace("shop")).ingressAndEgress()).build());
    }

    // ---- Validation --------------------------------------------------------------------------------------------

    @Test
    void validation_collects_every_problem_with_path_message_hint_and_location() {
        // given
        Workload legacy = workload("shop", "legacy", labels("app", "legacy"));
        PolicySet broken = policySet("shop")
                .intents(
                        allow(serviceAccount(legacy)).to(BACKEND).on(tcp(80800)),
                        allow(BACKEND).to(cidr("10.0.0.1/8")).on(tcp(5432)),
                        deny(FRONTEND).to(BACKEND).on(tcp(8080)).requests(GET("api/*"))
                                .when(jwtClaim("role").anyOf("guest")))
                .buildUnvalidated();

        // when
        ValidationResult result = broken.validate();
        String report = result.toString();

        // then
        assertThat(result.isValid()).isFalse();
        assertThat(report.replaceAll("DslGuideMetadataExamplesTest\\.java:\\d+", "Here.java:N")).isEqualTo("""
                policy set 'shop' has 5 problems:
                - policySets[shop].intents[allow-backend-to-cidr-10-0-0-1-8].to[0].cidr: CIDR has bits set after its \
                prefix: '10.0.0.1/8' (declared at Here.java:N)
                    fix: did you mean '10.0.0.0/8'? For a single address write '10.0.0.1/32'
                - policySets[shop].intents[allow-sa-to-backend].from[0].name: service account name must not be empty \
                (declared at Here.java:N)
                    fix: declare it on the workload with .withServiceAccount("name"), or write \
                serviceAccount(namespace, name)
                - policySets[shop].intents[allow-sa-to-backend].ports[0]: port out of range 1..65535: 80800 \
                (declared at Here.java:N)
                    fix: use a port from 1 to 65535; for every port of a protocol write allTcpPorts(), allUdpPorts() \
                or allSctpPorts()
                - policySets[shop].intents[deny-frontend-to-backend].http[0].paths[0]: HTTP path must start with \
                '/': 'api/*' (declared at Here.java:N)
                    fix: write '/api/*'
                - policySets[shop].intents[deny-frontend-to-backend].when[0]: JWT claim condition 'jwt[role] in \
                (guest)' of a deny has no request identity to come from (declared at Here.java:N)
                    fix: add requestPrincipal("issuer/subject") or anyRequestPrincipal() to the same intent, so that \
                requests without a valid JWT cannot slip past it""");
        Problem port = result.problems().get(2);
        assertThat(port.path()).isEqualTo("policySets[shop].intents[allow-sa-to-backend].ports[0]");
        assertThat(port.message()).isEqualTo("port out of range 1..65535: 80800");
        assertThat(port.hint()).startsWith("use a port from 1 to 65535");
        assertThat(port.declaredAt()).singleElement().asString().matches("DslGuideMetadataExamplesTest\\.java:\\d+");
    }

    @Test
    void build_throws_with_every_problem() {
        // given
        PolicySet.Builder builder = policySet("Shop").intents(allow(FRONTEND).to(BACKEND).on(tcp(0), tcp(70000)));

        // when / then
        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(InvalidPolicySetException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::message).containsExactly(
                            "port out of range 1..65535: 0",
                            "port out of range 1..65535: 70000",
                            "policy set name is not a DNS-1123 label: 'Shop'");
                    assertThat(e).hasMessage(e.result().toString());
                });
    }

    // ---- Providers ---------------------------------------------------------------------------------------------

    /** The guide's provider; registered below under its binary name in a services file. */
    public static final class ShopPolicies implements PolicySetProvider {
        @Override
        public List<PolicySet> policySets() {
            return List.of(policySet("shop")
                    .owner("team-shop")
                    .intents(
                            isolate(namespace("shop")).ingressAndEgress(),
                            allow(FRONTEND).to(BACKEND).on(tcp(8080)))
                    .build());
        }
    }

    @Test
    void providers_are_found_through_their_services_file() throws IOException {
        // given
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.kordon.dsl.spi.PolicySetProvider"), ShopPolicies.class.getName() + "\n");
        ClassLoader classLoader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());

        // when
        List<PolicySet> sets = PolicySets.load(classLoader);

        // then
        assertThat(sets).contains(new ShopPolicies().policySets().get(0));
        assertThat(sets).filteredOn(set -> set.name().equals("shop")).singleElement()
                .satisfies(set -> assertThat(set.owner()).isEqualTo("team-shop"));
    }

    @Test
    void short_names_of_peers_that_derived_names_are_made_of() {
        // when
        List<Peer> peers = List.of(BACKEND, namespace("shop"), pods(inNamespace("shop"), labels("tier", "web")),
                namespaces(labels("tenant", "a")), allPods(), serviceAccount(FRONTEND), allNodes(), kubeApiServer(),
                world(), anywhere(), cidr("10.20.0.0/16"), dnsName("*.stripe.com"));

        // then
        assertThat(peers).extracting(Peer::shortName).containsExactly("backend", "shop-pods", "shop-web", "ns-a-pods",
                "all-pods", "sa-frontend", "nodes", "kube-apiserver", "world", "anywhere", "cidr-10.20.0.0/16",
                "any-stripe.com");
    }

    // ---- Why these names: the staged steps ---------------------------------------------------------------------

    @Test
    void a_complete_statement_compiles() {
        // when
        List<Diagnostic<? extends JavaFileObject>> errors = compile(
                "Connection complete = allow(FRONTEND).to(BACKEND).on(tcp(8080));");

        // then
        assertThat(errors).isEmpty();
    }

    @Test
    void allow_to_without_on_is_not_an_intent() {
        // when
        List<Diagnostic<? extends JavaFileObject>> errors = compile("Intent unfinished = allow(FRONTEND).to(BACKEND);");

        // then
        assertThat(messages(errors)).containsExactly(
                "incompatible types: dev.kordon.dsl.Steps.On cannot be converted to dev.kordon.dsl.Intent");
    }

    @Test
    void a_guardrail_needs_a_tier_before_its_action_and_a_direction_before_its_peers() {
        // when
        List<Diagnostic<? extends JavaFileObject>> noTier = compile(
                "guardrail(\"block-metadata\").deny();");
        List<Diagnostic<? extends JavaFileObject>> noDirection = compile(
                "guardrail(\"block-metadata\").admin(10).deny().to(cidr(\"169.254.169.254/32\"));");

        // then
        assertThat(codes(noTier)).containsExactly("compiler.err.cant.resolve.location.args");
        assertThat(messages(noTier)).singleElement().asString()
                .contains("symbol:   method deny()", "location: interface dev.kordon.dsl.Steps.GuardrailTier");
        assertThat(codes(noDirection)).containsExactly("compiler.err.cant.resolve.location.args");
        assertThat(messages(noDirection)).singleElement().asString()
                .contains("symbol:   method to(dev.kordon.dsl.IpBlock)",
                        "location: interface dev.kordon.dsl.Steps.GuardrailDirection");
    }

    @Test
    void empty_calls_do_not_compile() {
        // when
        List<Diagnostic<? extends JavaFileObject>> noSources = compile("allow().to(BACKEND).on(tcp(8080));");
        List<Diagnostic<? extends JavaFileObject>> noPorts = compile("allow(FRONTEND).to(BACKEND).on();");
        List<Diagnostic<? extends JavaFileObject>> noDirection = compile("Isolation i = isolate(namespace(\"shop\"));");

        // then
        assertThat(messages(noSources)).singleElement().asString()
                .startsWith("method allow in class dev.kordon.dsl.Kordon cannot be applied to given types;")
                .contains("found:    no arguments");
        assertThat(messages(noPorts)).singleElement().asString()
                .startsWith("method on in interface dev.kordon.dsl.Steps.On cannot be applied to given types;")
                .contains("found:    no arguments");
        assertThat(messages(noDirection)).containsExactly("incompatible types: dev.kordon.dsl.Steps.IsolationDirection"
                + " cannot be converted to dev.kordon.dsl.Isolation");
    }

    private List<Diagnostic<? extends JavaFileObject>> compile(String statement) {
        String source = "import static dev.kordon.dsl.Kordon.*;\n"
                + "import dev.kordon.dsl.*;\n"
                + "class Snippet {\n"
                + "    static final Workload FRONTEND = workload(\"shop\", \"frontend\", labels(\"app\", \"frontend\"));\n"
                + "    static final Workload BACKEND = workload(\"shop\", \"backend\", labels(\"app\", \"backend\"));\n"
                + "    void snippet() {\n        " + statement + "\n    }\n}\n";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-proc:none", "-classpath", dslClasses(), "-d", dir.toString());
        javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    private static String dslClasses() {
        try {
            return Path.of(Kordon.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codes(List<Diagnostic<? extends JavaFileObject>> errors) {
        return errors.stream().map(Diagnostic::getCode).toList();
    }

    private static List<String> messages(List<Diagnostic<? extends JavaFileObject>> errors) {
        return errors.stream().map(error -> error.getMessage(Locale.ROOT)).toList();
    }
}
