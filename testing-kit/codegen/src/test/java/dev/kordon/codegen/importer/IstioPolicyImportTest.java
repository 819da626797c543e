package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kordon.codegen.Golden;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IstioPolicyImportTest {

    private static final Path DIR = Path.of("src/test/resources/import/istio");
    private static final Path POLICIES = DIR.resolve("policies.yaml");
    private static final Path UNSUPPORTED = DIR.resolve("unsupported.yaml");

    private static ImportResult run(Path... inputs) {
        return new Importer().run(new ImportRequest(List.of(inputs), "com.example.istio"));
    }

    @Test
    void imports_authorization_policies_as_intents_at_the_workloads_ingress() {
        // when
        ImportResult result = run(POLICIES);

        // then
        assertThat(result.sources()).extracting(source -> source.className())
                .containsExactly("ClusterPolicies", "OpsPolicies", "ShopPolicies");
        result.sources().forEach(source -> Golden.assertFile("import/istio/" + source.className() + ".java",
                source.text()));
        Golden.assertFile("import/istio/report.txt", result.report());
        assertThat(result.notImported()).isEmpty();
    }

    @Test
    void an_allow_policy_isolates_its_workloads_and_allows_again_what_the_sidecar_does_not_intercept() {
        // when
        String shop = run(POLICIES).sources().get(2).text().replaceAll("\\s*\n\\s*", "");

        // then
        assertThat(shop).contains("isolate(pods(inNamespace(\"shop\"), labels(\"app\", \"db\"))).ingress()")
                .contains("allow(anywhere()).to(pods(inNamespace(\"shop\"), labels(\"app\", \"db\")))"
                        + ".on(allSctpPorts(), allUdpPorts()).onlyIngress()");
    }

    @Test
    void notes_a_deny_without_rules_and_a_deny_of_http_requests_on_named_ports() {
        // when
        List<InputProblem> notes = run(POLICIES).notes();

        // then
        assertThat(notes).extracting(InputProblem::object, InputProblem::field).contains(
                tuple("AuthorizationPolicy shop/cache-deny-nothing", "spec.rules"),
                tuple("AuthorizationPolicy shop/api-deny-legacy", "spec.rules[1]"));
        assertThat(notes).filteredOn(note -> note.object().endsWith("cache-deny-nothing")).singleElement()
                .satisfies(note -> assertThat(note.message()).contains("never matches, so nothing is imported"));
    }

    @Test
    void imported_policies_decide_every_probe_and_request_as_the_originals(@TempDir Path work) {
        // given
        Cluster cluster = cluster();
        HttpRequest.Jwt admin = new HttpRequest.Jwt("https://auth.example.com", "alice", Map.of("roles", "admin"));
        List<HttpRequest> requests = List.of(
                new HttpRequest("GET", "/api/items", "", Map.of(), Optional.empty()),
                new HttpRequest("GET", "/img/logo.png", "", Map.of(), Optional.empty()),
                new HttpRequest("POST", "/orders", "shop.example.com:8080", Map.of("x-tenant", "b"),
                        Optional.of(admin)),
                new HttpRequest("POST", "/orders", "shop.example.com", Map.of("x-tenant", "c"), Optional.of(admin)),
                new HttpRequest("POST", "/orders", "shop.example.com", Map.of("x-tenant", "a"), Optional.empty()),
                new HttpRequest("GET", "/admin/users", "", Map.of(), Optional.empty()),
                new HttpRequest("GET", "/debug/pprof", "", Map.of(), Optional.empty()),
                new HttpRequest("DELETE", "/api/items/1", "", Map.of(), Optional.empty()));

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(new ImportRequest(List.of(POLICIES), "roundtrip.imported"),
                List.of(), cluster, read(POLICIES), read(DIR.resolve("authentication.yaml")),
                EnforcementProfile.forTarget("calico+istio"),
                "calico+istio", RoundTrip.withRequests(cluster, requests), true, work);

        // then
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.probes()).isGreaterThan(1500);
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.referenceDifferences()).filteredOn(difference -> !IstioOnly.onPlainTcpOfAnHttpDeny(
                difference))
                .isEmpty();
        assertThat(outcome.referenceDifferences()).anyMatch(IstioOnly::onPlainTcpOfAnHttpDeny);
        assertThat(outcome.generatedDifferences()).isEmpty();
    }

    @Test
    void policies_the_l3_l4_layer_of_kubernetes_istio_can_say_round_trip_through_it(@TempDir Path work)
            throws java.io.IOException {
        // given: the allows whose sources are namespaces or every pod, which NetworkPolicy says too
        List<Manifest> allows = read(POLICIES).stream()
                .filter(policy -> List.of("from-shop", "web-allow-all", "db-allow-nothing").contains(policy.name()))
                .toList();
        Path file = IstioOnly.write(allows, work.resolve("allows.yaml"));

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(new ImportRequest(List.of(file), "roundtrip.imported"), List.of(),
                cluster(), allows, List.of(), EnforcementProfile.forTarget("kubernetes+istio"), "kubernetes+istio",
                List.of(), true, work.resolve("roundtrip"));

        // then
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.referenceDifferences()).isEmpty();
        assertThat(outcome.generatedDifferences()).isEmpty();
    }

    @Test
    void kubernetes_istio_refuses_the_rest_only_in_its_network_policy_layer(@TempDir Path work) {
        // when
        RoundTrip.Outcome outcome = RoundTrip.run(new ImportRequest(List.of(POLICIES), "roundtrip.imported"),
                List.of(), cluster(), read(POLICIES), List.of(), EnforcementProfile.forTarget("kubernetes+istio"),
                "kubernetes+istio", List.of(), false, work);

        // then: denies, audits, service accounts and pods of every namespace, which NetworkPolicy cannot say
        assertThat(outcome.refusal().lines().filter(line -> line.startsWith("- "))).isNotEmpty()
                .allMatch(line -> line.contains(" [kubernetes]: "));
    }

    private static List<Manifest> read(Path file) {
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read(List.of(file), problems);
        problems.throwIfAny();
        return manifests;
    }

    /** Six meshed workloads in {@code shop} and {@code ops}, with their service accounts and ports. */
    private static Cluster cluster() {
        Problems problems = new Problems();
        Cluster cluster = new ClusterReader().read(read(DIR.resolve("workloads.yaml")), problems).cluster();
        problems.throwIfAny();
        return cluster;
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("ext-authz", "spec.action", "a CUSTOM policy, which asks extension provider 'opa'",
                        "keep applying this manifest"),
                Arguments.of("gateway", "spec.targetRefs", "a policy for Gateways, waypoints or ServiceEntries",
                        "declare what the policy does"),
                Arguments.of("trial", "metadata.annotations.istio.io/dry-run", "runs a whole policy set dry",
                        "mark their set .dryRun()"),
                Arguments.of("sources", "spec.rules[0].from[0].source.notPrincipals", "notPrincipals (every value but"
                        + " these) cannot be said in the DSL", "declare what the rule means"),
                Arguments.of("sources", "spec.rules[0].from[1].source.remoteIpBlocks", "the original client address",
                        "declare what the rule means"),
                Arguments.of("sources", "spec.rules[0].from[2].source.principals[0]", "the principal"
                        + " 'cluster.local/ns/shop/sa/*' has no DSL peer", "list the service accounts' principals"),
                Arguments.of("sources", "spec.rules[0].from[3].source.principals[0]", "the principal"
                        + " 'example.org/ns/shop/sa/web' has no DSL peer", "list the service accounts' principals"),
                Arguments.of("sources", "spec.rules[0].from[4].source.namespaces[0]", "the namespace pattern 'team-*'",
                        "list the namespaces one by one"),
                Arguments.of("sources", "spec.rules[0].from[5].source", "a source whose principals and namespaces"
                        + " must all match", "split the source"),
                Arguments.of("sources", "spec.rules[0].from[6].source.notIpBlocks", "notIpBlocks without ipBlocks",
                        "name the blocks that are allowed in ipBlocks"),
                Arguments.of("operations", "spec.rules[0].to[0].operation.methods[0]", "the method pattern 'GE*'",
                        "list the methods one by one"),
                Arguments.of("operations", "spec.rules[0].to[0].operation.notPaths", "notPaths (every value but these)",
                        "declare what the rule means"),
                Arguments.of("operations", "spec.rules[0].to[1].operation.paths[0]", "Istio's path templates",
                        "write exact paths, prefixes"),
                Arguments.of("operations", "spec.rules[0].to[1].operation.paths[1]", "Istio reads '*' inside a path"
                        + " literally", "write exact paths, prefixes"),
                Arguments.of("operations", "spec.rules[0].to[1].operation.paths[2]", "also matches '/x' itself",
                        "write exact paths, prefixes"),
                Arguments.of("operations", "spec.rules[0].to[2].operation.hosts[0]", "the host 'shop.example.com'"
                        + " cannot be said in the DSL", "write each host as the four forms"),
                Arguments.of("operations", "spec.rules[0].to[2].operation.hosts[1]", "the host '*.example.com'",
                        "write each host as the four forms"),
                Arguments.of("conditions", "spec.rules[0].when[0].key", "the condition key 'source.ip' has no DSL"
                        + " condition", "declare what the rule means"),
                Arguments.of("conditions", "spec.rules[0].when[1].notValues", "notValues (every value but these)",
                        "declare what the rule means"),
                Arguments.of("conditions", "spec.rules[0].when[2].values", "the claim value pattern 'admin-*'",
                        "list the values one by one"),
                Arguments.of("mixed", "spec.rules[0]", "an ALLOW rule with HTTP fields in some operations or sources"
                        + " but not in others", "move the operations and sources without HTTP fields into a rule of"
                        + " their own"),
                Arguments.of("deny-posts", "spec.rules[0].to", "a DENY rule with HTTP fields and no ports denies every"
                        + " plain TCP connection", "name the HTTP ports in to.operation.ports"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unsupported")
    void reports_what_the_dsl_cannot_say_with_field_message_and_fix(String policy, String field, String message,
            String fix) {
        // when
        ImportResult result = run(UNSUPPORTED);

        // then
        assertThat(result.notImported()).filteredOn(problem -> problem.object().equals("AuthorizationPolicy shop/"
                + policy) && problem.field().equals(field)).singleElement().satisfies(problem -> {
                    assertThat(problem.message()).startsWith("is not imported: ").contains(message);
                    assertThat(problem.hint()).contains(fix);
                });
    }

    @Test
    void reports_every_problem_field_of_an_object_and_leaves_every_object_out() {
        // when
        ImportResult result = run(UNSUPPORTED);

        // then
        assertThat(result.sources()).isEmpty();
        assertThat(result.notImported()).hasSize((int) unsupported().count());
        assertThat(result.notImported()).filteredOn(problem -> problem.object().endsWith("/sources")).hasSize(7);
    }

    @Test
    void reports_an_allow_policy_for_pods_a_network_policy_of_the_import_decides_too() {
        // when: the ALLOW of shop/backend beside a NetworkPolicy selecting app=backend
        ImportResult result = run(Path.of("src/test/resources/import/kubernetes/others.yaml"),
                Path.of("src/test/resources/import/kubernetes/policies.yaml"));

        // then
        assertThat(result.notImported()).filteredOn(problem -> problem.object().equals("AuthorizationPolicy shop/api"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("spec.action");
                    assertThat(problem.message()).isEqualTo("is not imported: an ALLOW policy for pods whose ingress"
                            + " L3/L4 policies of the same import may decide too cannot be said in the DSL: a flow must"
                            + " pass both the L3/L4 policies and the mesh, where the DSL's allows add up");
                    assertThat(problem.hint()).startsWith("import the AuthorizationPolicies on their own");
                });
    }

    @Test
    void imports_an_allow_policy_beside_network_policies_that_decide_for_other_pods_only(@TempDir Path work)
            throws java.io.IOException {
        // given: an ALLOW for shop/api, a NetworkPolicy isolating shop/db (app=db cannot be app=api), and one of ops
        String networkPolicies = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-from-api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: default-deny, namespace: ops}
                spec: {podSelector: {}}
                """;
        String allow = """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: api-from-web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  rules: [{from: [{source: {namespaces: [shop]}}], to: [{operation: {ports: ["8080"]}}]}]
                """;
        Path file = java.nio.file.Files.writeString(work.resolve("policies.yaml"), networkPolicies + "---\n" + allow);

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(new ImportRequest(List.of(file), "roundtrip.imported"), List.of(),
                cluster(), read(file), List.of(), EnforcementProfile.forTarget("kubernetes+istio"), "kubernetes+istio",
                List.of(), false, work.resolve("roundtrip"));

        // then
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.referenceDifferences()).isEmpty();
        assertThat(outcome.generatedDifferences()).isEmpty();
    }
}
