package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.codegen.Golden;
import dev.kordon.simulator.input.InputProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterNetworkPolicyImportTest {

    private static final Path GUARDRAILS = Path.of("src/test/resources/import/cnp/guardrails.yaml");
    private static final Path AMBIGUOUS = Path.of("src/test/resources/import/cnp/ambiguous.yaml");

    private static ImportResult run(Path input) {
        return new Importer().run(new ImportRequest(List.of(input), "com.example.platform"));
    }

    @Test
    void imports_cluster_network_policies_as_guardrails_in_rule_order() {
        // when
        ImportResult result = run(GUARDRAILS);

        // then
        assertThat(result.sources()).singleElement().satisfies(source ->
                Golden.assertFile("import/cnp/ClusterPolicies.java", source.text()));
        Golden.assertFile("import/cnp/report.txt", result.report());
    }

    @Test
    void renumbers_priorities_to_keep_the_order_of_a_policys_rules() {
        // when
        ImportResult result = run(GUARDRAILS);

        // then
        assertThat(result.notImported()).isEmpty();
        assertThat(result.notes()).extracting(InputProblem::object, InputProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ClusterNetworkPolicy metadata-server", "spec.egress[0]"),
                org.assertj.core.groups.Tuple.tuple("ClusterNetworkPolicy tenant-a", "spec.egress[1]"),
                org.assertj.core.groups.Tuple.tuple("ClusterNetworkPolicy tenant-a", "spec.egress[2]"));
    }

    @Test
    void leaves_out_a_policy_the_dsl_finds_ambiguous_with_another_and_says_why() {
        // when
        ImportResult result = run(AMBIGUOUS);

        // then
        assertThat(result.sources()).singleElement().satisfies(source ->
                assertThat(source.text()).contains("guardrail(\"deny-all-ingress-0\")")
                        .doesNotContain("allow-monitoring"));
        assertThat(result.notImported()).singleElement().satisfies(problem -> {
            assertThat(problem.object()).isEqualTo("ClusterNetworkPolicy allow-monitoring");
            assertThat(problem.message()).startsWith("is not imported: the DSL refuses intent"
                    + " allow-monitoring-ingress-0: intents 'allow-monitoring-ingress-0' (allow) and"
                    + " 'deny-all-ingress-0' (deny) have the same tier and priority (admin 10)");
        });
    }

    @Test
    void leaves_out_a_policy_whose_rule_at_another_position_ties_with_a_rule_of_a_policy_of_its_priority(
            @org.junit.jupiter.api.io.TempDir Path work) throws java.io.IOException {
        // given: two Admin policies of priority 2; deny-red's second rule and accept-red's first can match the same
        // SCTP traffic from namespaces labelled red, so which one a cluster applies is undefined
        Path file = java.nio.file.Files.writeString(work.resolve("ties.yaml"), """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: deny-red}
                spec:
                  tier: Admin
                  priority: 2
                  subject: {namespaces: {matchLabels: {team: red}}}
                  ingress:
                  - {action: Accept, from: [{pods: {namespaceSelector: {matchLabels: {team: blue}}, podSelector: {}}}]}
                  - action: Deny
                    from: [{namespaces: {matchLabels: {team: red}}}]
                    protocols: [{sctp: {destinationPort: {number: 9000}}}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: accept-red}
                spec:
                  tier: Admin
                  priority: 2
                  subject: {namespaces: {matchLabels: {team: red}}}
                  ingress:
                  - action: Accept
                    from: [{namespaces: {}}]
                    protocols: [{sctp: {destinationPort: {number: 9000}}}]
                """);

        // when
        ImportResult result = run(file);

        // then: the later policy by name is reported, instead of an order being picked for the two
        assertThat(result.notImported()).singleElement().satisfies(problem -> {
            assertThat(problem.object()).isEqualTo("ClusterNetworkPolicy deny-red");
            assertThat(problem.field()).isEqualTo("spec.priority");
            assertThat(problem.message()).isEqualTo("is not imported: its rule deny-red-ingress-1 (deny) and rule"
                    + " accept-red-ingress-0 (allow) of ClusterNetworkPolicy accept-red have the same priority 2, can"
                    + " match the same traffic and act differently, so which one applies is undefined");
        });
        assertThat(result.sources()).singleElement().satisfies(source -> assertThat(source.text())
                .contains("accept-red").doesNotContain("deny-red"));
    }
}
