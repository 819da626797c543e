package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kordon.codegen.Golden;
import dev.kordon.simulator.input.InputProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalicoPolicyImportTest {

    private static final Path POLICIES = Path.of("src/test/resources/import/calico/policies.yaml");

    private static ImportResult run() {
        return new Importer().run(new ImportRequest(List.of(POLICIES), "com.example.calico"));
    }

    @Test
    void imports_calico_policies_as_allows_denies_isolation_and_guardrails() {
        // when
        ImportResult result = run();

        // then
        assertThat(result.sources()).hasSize(2);
        Golden.assertFile("import/calico/ClusterPolicies.java", result.sources().get(0).text());
        Golden.assertFile("import/calico/ShopPolicies.java", result.sources().get(1).text());
        Golden.assertFile("import/calico/report.txt", result.report());
    }

    @Test
    void leaves_out_whole_objects_the_dsl_cannot_say_and_names_the_field() {
        // when
        ImportResult result = run();

        // then
        assertThat(result.notImported()).extracting(InputProblem::object, InputProblem::field).containsExactly(
                tuple("GlobalNetworkPolicy kordon-admin.half-order", "spec.order"),
                tuple("GlobalNetworkPolicy security.log-all", "spec.tier"),
                tuple("NetworkPolicy shop/icmp", "spec.ingress[0].protocol"),
                tuple("NetworkPolicy shop/not-selector", "spec.ingress[0].source.notSelector"),
                tuple("NetworkPolicy shop/prefix-match", "spec.selector"),
                tuple("Tier security", ""));
        assertThat(result.sources()).allSatisfy(source -> assertThat(source.text())
                .doesNotContain("icmp").doesNotContain("not-selector").doesNotContain("half-order"));
    }

    @Test
    void reports_every_field_of_an_object_that_the_dsl_cannot_say_not_only_the_first(@TempDir Path work)
            throws IOException {
        // given: one policy with four fields the DSL cannot say, in different rules and directions, and one policy of
        // a tier without a DSL meaning that also has a rule field without one
        String yaml = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: many, namespace: shop}
                spec:
                  selector: app == "api"
                  serviceAccountSelector: role == "web"
                  types: [Ingress, Egress]
                  ingress:
                  - action: Allow
                    protocol: TCP
                    http: {methods: [GET]}
                  - action: Allow
                    protocol: ICMP
                  egress:
                  - action: Allow
                    destination: {notSelector: app == "db"}
                  - action: Allow
                    protocol: TCP
                    destination: {ports: [443]}
                ---
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                spec: {order: 50}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.ping}
                spec:
                  tier: security
                  order: 5
                  selector: all()
                  ingress: [{action: Allow, protocol: ICMP}]
                """;

        // when
        ImportResult result = run(work, yaml);

        // then: each field is named once, and nothing of either object is written
        assertThat(result.notImported()).extracting(InputProblem::object, InputProblem::field).containsExactly(
                tuple("GlobalNetworkPolicy security.ping", "spec.ingress[0].protocol"),
                tuple("GlobalNetworkPolicy security.ping", "spec.tier"),
                tuple("NetworkPolicy shop/many", "spec.egress[0].destination.notSelector"),
                tuple("NetworkPolicy shop/many", "spec.ingress[0].http"),
                tuple("NetworkPolicy shop/many", "spec.ingress[1].protocol"),
                tuple("NetworkPolicy shop/many", "spec.serviceAccountSelector"),
                tuple("Tier security", ""));
        assertThat(result.sources()).isEmpty();
    }

    private static ImportResult run(Path work, String yaml) throws IOException {
        Path file = Files.writeString(work.resolve("policies.yaml"), yaml, StandardCharsets.UTF_8);
        return new Importer().run(new ImportRequest(List.of(file), "com.example.calico"));
    }

    @Test
    void leaves_out_a_deny_that_calico_reaches_after_an_allow_of_its_tier(@TempDir Path work) throws IOException {
        // given
        String yaml = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: allow-first, namespace: shop}
                spec:
                  order: 1
                  selector: app == "db"
                  ingress: [{action: Allow, source: {selector: app == "web"}}]
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: deny-later, namespace: shop}
                spec:
                  order: 2
                  selector: app == "db"
                  ingress: [{action: Deny, source: {selector: app == "web"}}]
                """;

        // when
        ImportResult result = run(work, yaml);

        // then
        assertThat(result.notImported()).singleElement().satisfies(entry -> {
            assertThat(entry.object()).isEqualTo("NetworkPolicy shop/deny-later");
            assertThat(entry.field()).isEqualTo("spec.ingress[0]");
            assertThat(entry.message()).contains("comes after an Allow");
        });
        assertThat(result.sources()).singleElement().satisfies(source ->
                assertThat(source.text()).contains("allow-first").doesNotContain("deny-later"));
    }

    @Test
    void leaves_out_a_policy_of_a_kordon_tier_whose_tier_object_changes_its_default_action(@TempDir Path work)
            throws IOException {
        // given
        String yaml = """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: kordon-admin}
                spec: {order: 99800, defaultAction: Deny}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: kordon-admin.deny-metadata}
                spec:
                  tier: kordon-admin
                  order: 10
                  selector: all()
                  types: [Egress]
                  egress: [{action: Deny, destination: {nets: [169.254.169.254/32]}}]
                """;

        // when
        ImportResult result = run(work, yaml);

        // then
        assertThat(result.notImported()).singleElement().satisfies(entry -> {
            assertThat(entry.field()).isEqualTo("spec.tier");
            assertThat(entry.message()).contains("has defaultAction Deny where Kordon's layout has Pass");
        });
        assertThat(result.sources()).isEmpty();
    }

    @Test
    void defaults_types_to_egress_alone_for_a_policy_with_only_egress_rules(@TempDir Path work) throws IOException {
        // given
        String yaml = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: egress-only, namespace: shop}
                spec:
                  order: 10
                  selector: app == "web"
                  egress: [{action: Deny, protocol: TCP, destination: {ports: [25]}}]
                """;

        // when
        ImportResult result = run(work, yaml);

        // then
        assertThat(result.isComplete()).isTrue();
        assertThat(result.sources()).singleElement().satisfies(source -> assertThat(source.text())
                .contains("isolate(pods(inNamespace(\"shop\"), labels(\"app\", \"web\"))).egress()")
                .contains(".to(anywhere())").contains(".on(tcp(25)).onlyEgress()")
                .doesNotContain(".ingress()"));
    }

    @Test
    void reads_an_empty_rule_selector_as_no_selector_which_is_any_peer(@TempDir Path work) throws IOException {
        // given
        String yaml = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: from-any, namespace: shop}
                spec:
                  selector: app == "web"
                  ingress: [{action: Allow, source: {selector: ""}}]
                """;

        // when
        ImportResult result = run(work, yaml);

        // then
        assertThat(result.isComplete()).isTrue();
        assertThat(result.sources()).singleElement().satisfies(source -> assertThat(source.text())
                .contains("allow(anywhere())"));
    }

    @Test
    void leaves_out_a_kordon_tier_policy_imported_beside_kubernetes_network_policies(@TempDir Path work)
            throws IOException {
        // given
        String yaml = """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: kordon}
                spec: {order: 100000, defaultAction: Deny}
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: kordon.allow-web, namespace: shop}
                spec:
                  tier: kordon
                  selector: app == "db"
                  ingress: [{action: Allow, source: {selector: app == "web"}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-batch, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: batch}}}]}]
                """;

        // when
        ImportResult result = run(work, yaml);

        // then
        assertThat(result.notImported()).singleElement().satisfies(entry -> {
            assertThat(entry.object()).isEqualTo("NetworkPolicy shop/kordon.allow-web");
            assertThat(entry.message()).contains("apart from the Kubernetes NetworkPolicies");
        });
        assertThat(result.sources()).singleElement().satisfies(source ->
                assertThat(source.text()).contains("allow-batch").doesNotContain("allow-web"));
    }
}
