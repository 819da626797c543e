package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kordon.codegen.Golden;
import dev.kordon.simulator.input.InputProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
