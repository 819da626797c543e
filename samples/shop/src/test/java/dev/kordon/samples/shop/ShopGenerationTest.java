package dev.kordon.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.generators.Fidelity;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Generator;
import dev.kordon.generators.Targets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shop is generated for every target, using only the downgrades its intents accept. */
class ShopGenerationTest {

    private static final List<Generation> GENERATIONS =
            new Generator().generate(List.of(ShopPolicies.shop()), Targets.all());

    @Test
    void generates_for_every_target() {
        assertThat(GENERATIONS).extracting(generation -> generation.target().id())
                .containsExactlyElementsOf(Targets.ids());
        assertThat(GENERATIONS).allSatisfy(generation -> {
            assertThat(generation.report().problems()).isEmpty();
            assertThat(generation.resources()).isNotEmpty();
        });
    }

    @Test
    void cilium_enforces_every_intent_exactly() {
        assertThat(report("cilium")).isEmpty();
        assertThat(report("cilium+istio")).isEmpty();
    }

    @Test
    void plain_network_policy_needs_the_accepted_downgrades_and_says_what_they_cost() {
        assertThat(report("kubernetes")).extracting(FidelityEntry::intent, entry -> entry.feature().id(),
                FidelityEntry::fidelity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("allow-sa-frontend-to-backend", "peer-service-account",
                                Fidelity.WIDENED),
                        org.assertj.core.groups.Tuple.tuple("allow-sa-frontend-to-backend", "http-method",
                                Fidelity.WIDENED),
                        org.assertj.core.groups.Tuple.tuple("allow-sa-frontend-to-backend", "http-path-exact",
                                Fidelity.WIDENED),
                        org.assertj.core.groups.Tuple.tuple("allow-sa-frontend-to-backend", "http-path-prefix",
                                Fidelity.WIDENED),
                        org.assertj.core.groups.Tuple.tuple("allow-world-to-frontend", "peer-world",
                                Fidelity.WIDENED));
        assertThat(report("kubernetes")).allMatch(FidelityEntry::accepted);
    }

    @Test
    void a_mesh_keeps_the_http_rules_that_network_policy_cannot() {
        assertThat(report("kubernetes+istio")).extracting(entry -> entry.feature().id())
                .doesNotContain("http-method", "http-path-exact", "http-path-prefix");
    }

    private static List<FidelityEntry> report(String target) {
        return GENERATIONS.stream().filter(generation -> generation.target().id().equals(target)).findFirst()
                .orElseThrow().report().entries();
    }
}
