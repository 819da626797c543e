package dev.kordon.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Downgrade;
import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityReportTest {

    private static FidelityEntry entry(String intent, Feature feature, Fidelity fidelity, boolean accepted) {
        return new FidelityEntry("shop", intent, "Shop.java:7", "kubernetes", "kubernetes", feature, fidelity,
                "reason " + feature, "hint " + feature, List.of(Downgrade.L4_ONLY), accepted);
    }

    @Test
    void the_text_counts_and_groups_by_intent() {
        FidelityReport report = new FidelityReport("kubernetes", 3, List.of(
                entry("b", Feature.HTTP_METHOD, Fidelity.WIDENED, false),
                entry("a", Feature.HTTP_PATH_EXACT, Fidelity.WIDENED, true)));
        assertThat(report.text()).isEqualTo("""
                fidelity on target kubernetes: 3 intents, 1 exact, 1 accepted downgrade, 1 problem
                  shop/a
                    widened http-path-exact [kubernetes]: reason http-path-exact (accepted: l4-only)
                  shop/b
                    widened http-method [kubernetes]: reason http-method
                      fix: hint http-method
                """);
        assertThat(report.problems()).extracting(FidelityEntry::intent).containsExactly("b");
        assertThat(report.isAcceptable()).isFalse();
    }

    @Test
    void the_json_names_every_field_but_the_source_line() {
        FidelityReport report = new FidelityReport("kubernetes", 1,
                List.of(entry("a", Feature.HTTP_METHOD, Fidelity.WIDENED, true)));
        assertThat(report.json()).contains("\"target\" : \"kubernetes\"", "\"feature\" : \"http-method\"",
                "\"fidelity\" : \"widened\"", "\"downgrade\" : [ \"l4-only\" ]", "\"accepted\" : true")
                .doesNotContain("Shop.java");
    }
}
