package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertDeclaredIn;
import static dev.kordon.dsl.Problems.assertProblem;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label keys, label values, selector operators and selectors that can never match. */
class LabelValidationTest {

    private static final String SELECTOR = "policySets[shop].workloads[shop/web].selector";
    private static final String REQUIREMENT = SELECTOR + ".requirements[0]";
    private static final String KEY_NAME_HINT = "a label key name is at most 63 letters, digits, '-', '_' and '.',"
            + " beginning and ending with a letter or digit, e.g. 'app'";
    private static final String VALUE_HINT = "a label value is empty or at most 63 letters, digits, '-', '_' and '.',"
            + " beginning and ending with a letter or digit";

    private static final Workload API = workload("shop", "api", labels("app", "api"));

    private static PolicySet.Builder webSelectedBy(LabelSelector selector) {
        return policySet("shop").workloads(workload("shop", "web", selector));
    }

    // ---- label keys --------------------------------------------------------------------------------------------

    @Test
    void rejects_label_key_prefix_that_is_not_a_dns_subdomain() {
        // given
        PolicySet.Builder set = webSelectedBy(labels("Example.com/app", "web"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".key", "label key prefix is not a DNS-1123 subdomain: 'Example.com'",
                "write the prefix as a lower-case DNS name of at most 253 characters, e.g. 'app.kubernetes.io/name'");
    }

    @Test
    void rejects_label_key_name_with_invalid_characters() {
        // given
        PolicySet.Builder set = webSelectedBy(labels("app name", "web"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".key", "label key name is not valid: 'app name'", KEY_NAME_HINT);
    }

    @Test
    void rejects_label_key_name_longer_than_63_characters() {
        // given
        String name = "a".repeat(64);
        PolicySet.Builder set = webSelectedBy(labels("example.com/" + name, "web"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".key", "label key name is not valid: '" + name + "'", KEY_NAME_HINT);
    }

    @Test
    void rejects_label_key_with_a_prefix_but_no_name() {
        // given
        PolicySet.Builder set = webSelectedBy(labels("example.com/", "web"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".key", "label key name is not valid: ''", KEY_NAME_HINT);
    }

    @Test
    void accepts_prefixed_label_key_with_a_name_of_63_characters() {
        // given
        PolicySet.Builder set = webSelectedBy(labels("app.kubernetes.io/" + "n".repeat(63), "web"));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- label values ------------------------------------------------------------------------------------------

    @Test
    void rejects_label_value_that_does_not_begin_with_a_letter_or_digit() {
        // given
        PolicySet.Builder set = webSelectedBy(labels("app", "-web"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".values", "label value is not valid: '-web'", VALUE_HINT);
    }

    @Test
    void rejects_label_value_longer_than_63_characters() {
        // given
        String value = "v".repeat(64);
        PolicySet.Builder set = webSelectedBy(labels("app", value));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".values", "label value is not valid: '" + value + "'", VALUE_HINT);
    }

    @Test
    void accepts_empty_label_value_and_one_of_63_characters() {
        // given
        PolicySet.Builder set = webSelectedBy(labels(Map.of("app", "", "tier", "v".repeat(63))));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- operators ---------------------------------------------------------------------------------------------

    @Test
    void rejects_in_without_values() {
        // given
        PolicySet.Builder set = webSelectedBy(LabelSelector.of(
                new LabelRequirement("app", LabelRequirement.Operator.IN, List.of())));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".values", "operator in needs at least one value",
                "list the values, or use exists()/doesNotExist()");
    }

    @Test
    void rejects_not_in_without_values() {
        // given
        PolicySet.Builder set = webSelectedBy(LabelSelector.of(
                new LabelRequirement("app", LabelRequirement.Operator.NOT_IN, List.of())));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".values", "operator notin needs at least one value",
                "list the values, or use exists()/doesNotExist()");
    }

    @Test
    void rejects_exists_with_values() {
        // given
        PolicySet.Builder set = webSelectedBy(LabelSelector.of(
                new LabelRequirement("app", LabelRequirement.Operator.EXISTS, List.of("web"))));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".values", "operator exists takes no values",
                "remove the values, or use in(...)/notIn(...)");
    }

    @Test
    void rejects_does_not_exist_with_values() {
        // given
        PolicySet.Builder set = webSelectedBy(LabelSelector.of(
                new LabelRequirement("app", LabelRequirement.Operator.DOES_NOT_EXIST, List.of("web"))));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, REQUIREMENT + ".values", "operator doesnotexist takes no values",
                "remove the values, or use in(...)/notIn(...)");
    }

    // ---- empty workload selector -------------------------------------------------------------------------------

    @Test
    void rejects_workload_with_an_empty_selector() {
        // given
        PolicySet.Builder set = webSelectedBy(labels(Map.of()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, SELECTOR, "workload selector is empty, so it selects every pod of namespace 'shop'",
                "give the workload's pod labels, or use namespace(\"shop\") for every pod of the namespace");
    }

    // ---- selectors that can never match ------------------------------------------------------------------------

    @Test
    void rejects_selector_requiring_a_value_and_excluding_it() {
        // given
        PolicySet.Builder set = webSelectedBy(labels("app", "web").and(label("app").notIn("web")));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, SELECTOR,
                "selector can never match: no value of label 'app' satisfies both 'app notin (web)' and 'app=web'",
                "remove the requirement on 'app' that you did not mean");
    }

    @Test
    void rejects_selector_requiring_a_label_to_exist_and_not_to_exist() {
        // given
        PolicySet.Builder set = webSelectedBy(label("app").exists().and(label("app").doesNotExist()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, SELECTOR,
                "selector can never match: no value of label 'app' satisfies both '!app' and 'app'",
                "remove the requirement on 'app' that you did not mean");
    }

    @Test
    void rejects_selector_requiring_a_value_of_a_label_that_must_not_exist() {
        // given
        PolicySet.Builder set = webSelectedBy(labels("app", "web").and(label("app").doesNotExist()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, SELECTOR,
                "selector can never match: no value of label 'app' satisfies both '!app' and 'app=web'",
                "remove the requirement on 'app' that you did not mean");
    }

    @Test
    void rejects_selector_with_two_disjoint_value_sets_for_one_label() {
        // given
        PolicySet.Builder set = webSelectedBy(label("tier").in("a", "b").and(label("tier").in("c")));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, SELECTOR,
                "selector can never match: no value of label 'tier' satisfies both 'tier in (a,b)' and 'tier=c'",
                "remove the requirement on 'tier' that you did not mean");
    }

    @Test
    void rejects_selector_whose_requirements_conflict_only_all_together() {
        // given: every pair can hold, but the only value both in-lists share is excluded
        PolicySet.Builder set = webSelectedBy(label("tier").in("a", "b")
                .and(label("tier").in("b", "c"))
                .and(label("tier").notIn("b")));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, SELECTOR, "selector can never match: no value of label 'tier' satisfies all of"
                        + " 'tier in (a,b)', 'tier in (b,c)', 'tier notin (b)'",
                "remove the requirement on 'tier' that you did not mean");
    }

    @Test
    void accepts_several_satisfiable_requirements_on_one_label() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(
                workload("shop", "web", label("tier").in("a", "b").and(label("tier").notIn("a"))
                        .and(label("tier").exists())),
                workload("shop", "api", label("tier").notIn("a").and(label("tier").doesNotExist())));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void rejects_pod_selector_of_an_intent_that_can_never_match() {
        // given
        Pods nobody = pods(inNamespace("shop"), labels("app", "a").and("app", "b"));
        PolicySet.Builder set = policySet("shop").intents(allow(nobody).to(API).on(tcp(8080)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].from[0].selector",
                "selector can never match: no value of label 'app' satisfies both 'app=a' and 'app=b'",
                "remove the requirement on 'app' that you did not mean");
        assertDeclaredIn(problem, LabelValidationTest.class);
    }

    @Test
    void rejects_namespace_selector_that_can_never_match() {
        // given
        Pods nobody = namespaces(labels("env", "prod").and(label("env").doesNotExist()));
        PolicySet.Builder set = policySet("shop").intents(allow(nobody).to(API).on(tcp(8080)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].from[0].namespaces.selector",
                "selector can never match: no value of label 'env' satisfies both '!env' and 'env=prod'",
                "remove the requirement on 'env' that you did not mean");
        assertDeclaredIn(problem, LabelValidationTest.class);
    }

    @Test
    void rejects_invalid_label_key_in_a_node_selector() {
        // given
        PolicySet.Builder set = policySet("shop")
                .intents(allow(API).to(nodes(labels("node role", "edge"))).on(tcp(10250)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].to[0].selector.requirements[0].key",
                "label key name is not valid: 'node role'", KEY_NAME_HINT);
        assertDeclaredIn(problem, LabelValidationTest.class);
    }
}
