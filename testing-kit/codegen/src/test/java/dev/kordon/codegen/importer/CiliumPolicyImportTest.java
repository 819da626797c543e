package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.codegen.Golden;
import dev.kordon.simulator.input.InputProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiliumPolicyImportTest {

    private static final Path POLICIES = Path.of("src/test/resources/import/cilium/policies.yaml");

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
    void leaves_out_a_policy_with_l7_rules_and_names_the_field() {
        // when
        ImportResult result = run();

        // then
        assertThat(result.notImported()).extracting(InputProblem::object, InputProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CiliumNetworkPolicy shop/api-l7",
                        "spec.ingress[0].toPorts[0].rules"));
        assertThat(result.sources().get(0).text()).doesNotContain("api-l7");
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
}
