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

class CiliumPolicyImportTest {

    private static final Path POLICIES = Path.of("src/test/resources/import/cilium/policies.yaml");
    private static final Path L7 = Path.of("src/test/resources/import/cilium/l7.yaml");
    private static final Path L7_UNSUPPORTED = Path.of("src/test/resources/import/cilium/l7-unsupported.yaml");

    private static ImportResult run() {
        return new Importer().run(new ImportRequest(List.of(POLICIES), "com.example.cilium"));
    }

    @Test
    void imports_l3_l4_cilium_policies_as_allows_denies_and_isolation() {
        // when
        ImportResult result = run();

        // then
        assertThat(result.sources()).singleElement().satisfies(source ->
                Golden.assertFile("import/cilium/ShopPolicies.java", source.text()));
        Golden.assertFile("import/cilium/report.txt", result.report());
    }

    @Test
    void imports_a_policy_with_http_rules() {
        // when
        ImportResult result = run();

        // then
        assertThat(result.notImported()).isEmpty();
        assertThat(result.sources().get(0).text()).contains("// CiliumNetworkPolicy shop/api-l7")
                .contains(".requests(GET(\"/api/*\"))");
    }

    @Test
    void imports_http_rules_whose_regexes_say_dsl_rules_exactly() {
        // when
        ImportResult result = new Importer().run(new ImportRequest(List.of(L7), "com.example.cilium"));

        // then
        assertThat(result.notImported()).isEmpty();
        assertThat(result.sources()).singleElement().satisfies(source ->
                Golden.assertFile("import/cilium/l7/ShopPolicies.java", source.text()));
    }

    @Test
    void imported_http_rules_decide_every_probe_and_sample_request_as_the_originals(@TempDir Path work) {
        // given
        Problems problems = new Problems();
        List<Manifest> policies = new ManifestReader().read(List.of(L7), problems);
        List<Manifest> workloads = new ManifestReader().read(List.of(Path.of(
                "src/test/resources/import/cilium/l7-workloads.yaml")), problems);
        problems.throwIfAny();
        Cluster cluster = new ClusterReader().read(workloads, problems).cluster();
        List<HttpRequest> queries = List.of(
                new HttpRequest("POST", "/api/orders?id=1", "shop.example.com.:8080", Map.of("x-tenant", "a"),
                        Optional.empty()),
                new HttpRequest("POST", "/api/orders/1", "shop.example.com", Map.of("x-tenant", "a"),
                        Optional.empty()),
                new HttpRequest("DELETE", "/api/a/b/items?x=/items", "", Map.of("x-admin", ""), Optional.empty()),
                new HttpRequest("GET", "/api/v1.0/x?y", "", Map.of(), Optional.empty()),
                new HttpRequest("GET", "/api/v1x0/x", "", Map.of(), Optional.empty()),
                new HttpRequest("GET", "/", "a.example.com:8080", Map.of(), Optional.empty()));

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(new ImportRequest(List.of(L7), "roundtrip.imported"), List.of(),
                cluster, policies, List.of(), EnforcementProfile.forTarget("cilium"), "cilium",
                RoundTrip.withRequests(cluster, queries), true, work);

        // then
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.probes()).isGreaterThan(250);
        assertThat(outcome.referenceDifferences()).isEmpty();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.generatedDifferences()).isEmpty();
    }

    static Stream<Arguments> unsupportedHttp() {
        String regexes = "write the regexes as the cilium target does";
        return Stream.of(
                Arguments.of("regexes", "spec.ingress[0].toPorts[0].rules.http[0].method", "the method regex"
                        + " 'GET|HEAD' is not one method", regexes),
                Arguments.of("regexes", "spec.ingress[0].toPorts[0].rules.http[0].path", "the path regex '/public' has"
                        + " no DSL pattern: Cilium matches it against the whole path with its query string", regexes),
                Arguments.of("regexes", "spec.ingress[0].toPorts[0].rules.http[1].path", "the path regex"
                        + " '/api/v[0-9]+/.*' has no DSL pattern", regexes),
                Arguments.of("regexes", "spec.ingress[0].toPorts[0].rules.http[1].host", "the host regex"
                        + " 'shop.example.com' has no DSL host", regexes),
                Arguments.of("regexes", "spec.ingress[0].toPorts[0].rules.http[2].path", "the path regex '/private$'",
                        regexes),
                Arguments.of("regexes", "spec.ingress[0].toPorts[0].rules.http[2].headerMatches", "headerMatches"
                        + " (secrets, and mismatch actions that log or rewrite instead of refusing)",
                        "use headers: [\"Name value\"]"),
                Arguments.of("regexes", "spec.ingress[0].toPorts[0].rules.http[3]", "the HTTP rule {} cannot be said"
                        + " in the DSL: it passes every HTTP request and refuses other traffic on the port",
                        "leave out the rules of this port if any traffic is meant"),
                Arguments.of("dns", "spec.egress[0].toPorts[0].rules.dns", "a DNS rule that filters lookups cannot be"
                        + " said in the DSL: the DSL allows a port or not", "declare what the policy does with the DSL"
                        + " by hand"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unsupportedHttp")
    void reports_http_rules_the_dsl_cannot_say_with_their_field(String policy, String field, String message,
            String fix) {
        // when
        ImportResult result = new Importer().run(new ImportRequest(List.of(L7_UNSUPPORTED), "com.example.cilium"));

        // then
        assertThat(result.sources()).isEmpty();
        assertThat(result.notImported()).hasSize((int) unsupportedHttp().count());
        assertThat(result.notImported()).filteredOn(problem -> problem.object().equals("CiliumNetworkPolicy shop/"
                + policy) && problem.field().equals(field)).singleElement().satisfies(problem -> {
                    assertThat(problem.message()).startsWith("is not imported: ").contains(message);
                    assertThat(problem.hint()).contains(fix);
                });
    }

    @Test
    void notes_that_a_selector_of_every_mesh_cluster_is_read_as_this_cluster() {
        // when
        ImportResult result = run();

        // then
        assertThat(result.notes()).singleElement().satisfies(note -> {
            assertThat(note.field()).isEqualTo("spec.ingress[0].fromEndpoints[0]");
            assertThat(note.message()).startsWith("selects pods of every cluster of a cluster mesh");
        });
    }

    @Test
    void imports_fqdns_only_where_the_rule_lets_cilium_learn_their_addresses() {
        // when
        ImportResult result = new Importer().run(new ImportRequest(
                List.of(Path.of("src/test/resources/import/cilium/fqdn.yaml")), "com.example.cilium"));

        // then: the names and the DNS allow (its rule answering every name is the port alone) are imported
        assertThat(result.sources()).singleElement().satisfies(source -> assertThat(source.text())
                .contains("dnsName(\"api.stripe.com\")", "dnsName(\"*.example.com\")", "tcp(443)")
                .contains("learns-egress-1").doesNotContain("blind").doesNotContain("one-label"));
        assertThat(result.notImported()).extracting(InputProblem::object, InputProblem::field).containsExactly(
                tuple("CiliumNetworkPolicy shop/blind", "spec.egress[0].toFQDNs[0]"),
                tuple("CiliumNetworkPolicy shop/one-label", "spec.egress[0].toFQDNs[0].matchPattern"));
        assertThat(result.notImported().get(0).message()).contains("toFQDNs without a DNS rule",
                "sends no lookup to the cluster DNS");
        assertThat(result.notImported().get(1).message()).contains("the pattern *.example.com");
    }
}
