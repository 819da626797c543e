package dev.kordon.generators.calico;

import dev.kordon.generators.GeneratorOptions;
import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Backend.Finding;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kubernetes label selectors as Calico selector expressions (backends.md §3.3). */
class CalicoSelectorTest {

    @Test
    void each_operator_keeps_its_kubernetes_meaning() {
        // given
        LabelSelector selector = labels("app", "web")
                .and(label("tier").in("frontend", "edge"))
                .and(label("env").notIn("dev", "test"))
                .and(label("zone").notIn("eu"))
                .and(label("team").exists())
                .and(label("canary").doesNotExist());
        // then: notIn is Calico's "not in"/"!=", which like Kubernetes' NotIn also matches pods without the label
        assertThat(CalicoSelector.of(selector)).isEqualTo("!has(canary) && app == \"web\" && env not in {\"dev\","
                + " \"test\"} && has(team) && tier in {\"edge\", \"frontend\"} && zone != \"eu\"");
    }

    @Test
    void the_empty_selector_is_all_and_prefixed_keys_stay_whole() {
        assertThat(CalicoSelector.of(LabelSelector.matchingAll())).isEqualTo("all()");
        assertThat(CalicoSelector.of(labels("app.kubernetes.io/name", "shop_v1.2"))).isEqualTo(
                "app.kubernetes.io/name == \"shop_v1.2\"");
    }

    @Test
    void namespaces_by_name_use_the_name_label_calico_gives_namespaces() {
        assertThat(CalicoSelector.namespacesNamed(List.of("shop"))).isEqualTo("projectcalico.org/name == \"shop\"");
        assertThat(CalicoSelector.namespacesNamed(List.of("b", "a")))
                .isEqualTo("projectcalico.org/name in {\"a\", \"b\"}");
    }

    @Test
    void alternatives_are_parenthesized_and_all_absorbs_them() {
        assertThat(CalicoSelector.anyOf(List.of("b == \"1\"", "a == \"1\" && c == \"2\"")))
                .isEqualTo("(a == \"1\" && c == \"2\") || (b == \"1\")");
        assertThat(CalicoSelector.anyOf(List.of("b == \"1\"", "all()"))).isEqualTo("all()");
    }

    @Test
    void a_value_with_a_double_quote_is_single_quoted_since_calico_strings_have_no_escapes() {
        assertThat(CalicoSelector.quote("plain")).isEqualTo("\"plain\"");
        assertThat(CalicoSelector.quote("say \"hi\"")).isEqualTo("'say \"hi\"'");
        assertThat(CalicoSelector.quote("it's")).isEqualTo("\"it's\"");
        assertThatThrownBy(() -> CalicoSelector.quote("it's \"both\"")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot hold a value with both quote characters");
    }

    @Test
    void a_value_with_both_quotes_is_reported_before_anything_is_written() {
        // given a value no Calico string can hold (validation would also reject it as a label value)
        Workload odd = workload("shop", "odd", labels("note", "it's \"odd\""));
        PolicySet set = policySet("shop").intents(odd.accepts(anywhere()).on(tcp(80))).buildUnvalidated();
        // when
        List<Finding> findings = new CalicoBackend().inspect(set, set.intents().get(0), Role.COMPLETE, GeneratorOptions.defaults());
        // then
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.support().fidelity()).isEqualTo(Fidelity.UNSUPPORTED);
            assertThat(finding.support().reason()).isEqualTo("a Calico selector string has no escapes, so the value"
                    + " it's \"odd\" (with both \" and ') cannot be written");
        });
    }

    @Test
    void a_key_calicos_tokenizer_would_split_is_reported() {
        Workload odd = workload("shop", "odd", labels("app name", "x"));
        PolicySet set = policySet("shop").intents(odd.accepts(anywhere()).on(tcp(80))).buildUnvalidated();
        assertThat(new CalicoBackend().inspect(set, set.intents().get(0), Role.COMPLETE, GeneratorOptions.defaults()))
                .extracting(finding -> finding.support().reason())
                .containsExactly("a Calico selector cannot read the label key 'app name' (letters, digits, '_', '.',"
                        + " '/' and '-' only)");
    }

    @Test
    void a_selector_starting_with_a_bang_is_quoted_in_yaml() {
        // given a workload selected by the absence of a label
        Workload stable = workload("shop", "stable", label("canary").doesNotExist().and("app", "web"));
        PolicySet set = policySet("shop").intents(isolate(stable).ingress()).build();
        // then the YAML string is quoted, so that it is not read as a tag
        assertThat(CalicoManifests.calico(set).stream())
                .contains("  selector: '!has(canary) && app == \"web\"'\n");
    }
}
