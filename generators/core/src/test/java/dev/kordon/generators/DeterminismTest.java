package dev.kordon.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Output is byte-identical across runs, declaration orders and default locales. */
class DeterminismTest {

    private static SortedMap<String, String> files(PolicySet set) {
        return new Generator().generate(List.of(set), Targets.parse("kubernetes")).files();
    }

    private static PolicySet reordered(PolicySet set, long seed) {
        List<Intent> intents = new ArrayList<>();
        for (Intent intent : set.intents()) {
            intents.add(intent.name().isEmpty() ? intent : intent.named(""));
        }
        Collections.shuffle(intents, new Random(seed));
        return dev.kordon.dsl.Kordon.policySet(set.name()).owner(set.owner()).description(set.description())
                .intents(intents).build();
    }

    @Test
    void generating_twice_gives_the_same_bytes() {
        assertThat(files(Fixtures.onlineBoutique())).isEqualTo(files(Fixtures.onlineBoutique()));
    }

    @Test
    void declaration_order_does_not_show() {
        SortedMap<String, String> reference = files(Fixtures.onlineBoutique());
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(files(reordered(Fixtures.onlineBoutique(), seed))).isEqualTo(reference);
        }
    }

    @Test
    void the_default_locale_does_not_show() {
        SortedMap<String, String> reference = files(Fixtures.onlineBoutique());
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(files(Fixtures.onlineBoutique())).isEqualTo(reference);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void files_follow_the_layout_and_end_with_a_newline() {
        SortedMap<String, String> files = files(Fixtures.seedBackend());
        assertThat(files.keySet()).containsExactly("kubernetes/fidelity.json", "kubernetes/fidelity.txt",
                "kubernetes/kustomization.yaml",
                "kubernetes/production/networkpolicy-seed-allow-frontend-to-backend-ingress.yaml");
        assertThat(files.values()).allMatch(text -> text.endsWith("\n") && !text.contains("\r"));
        assertThat(files.get("kubernetes/kustomization.yaml")).isEqualTo("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - production/networkpolicy-seed-allow-frontend-to-backend-ingress.yaml
                """);
    }
}
