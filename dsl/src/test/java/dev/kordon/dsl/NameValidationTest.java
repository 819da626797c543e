package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertDeclaredIn;
import static dev.kordon.dsl.Problems.assertProblem;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names of policy sets, intents, namespaces, workloads and service accounts. */
class NameValidationTest {

    private static final String LABEL_HINT = "use at most 63 lower-case letters, digits and '-', beginning and ending"
            + " with a letter or digit, e.g. ";
    private static final String SUBDOMAIN_HINT = "use at most 253 lower-case letters, digits, '-' and '.', each"
            + " dot-separated part beginning and ending with a letter or digit";

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));
    private static final Workload API = workload("shop", "api", labels("app", "api")).withServiceAccount("api");

    // ---- policy set name ---------------------------------------------------------------------------------------

    @Test
    void rejects_empty_policy_set_name() {
        // given
        PolicySet.Builder set = policySet("");

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[].name", "policy set name must not be empty", LABEL_HINT + "'shop'");
        assertThat(problem.declaredAt()).isEmpty();
    }

    @Test
    void rejects_policy_set_name_that_is_not_a_dns_label_and_suggests_one() {
        // given
        PolicySet.Builder set = policySet("Shop_Policies");

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[Shop_Policies].name",
                "policy set name is not a DNS-1123 label: 'Shop_Policies'", LABEL_HINT + "'shop-policies'");
    }

    @Test
    void rejects_policy_set_name_longer_than_63_characters() {
        // given
        String name = "a".repeat(64);
        PolicySet.Builder set = policySet(name);

        // when
        Problem problem = only(set);

        // then
        assertThat(problem.path()).isEqualTo("policySets[" + name + "].name");
        assertThat(problem.message()).isEqualTo("policy set name is not a DNS-1123 label: '" + name + "'");
        assertThat(problem.hint()).matches(java.util.regex.Pattern.quote(LABEL_HINT) + "'a{54}-[0-9a-f]{8}'");
    }

    @Test
    void accepts_policy_set_name_of_exactly_63_characters() {
        // given
        PolicySet.Builder set = policySet("a".repeat(63));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- intent name -------------------------------------------------------------------------------------------

    @Test
    void rejects_intent_name_that_is_not_a_dns_label() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(WEB).to(API).on(tcp(8080)).named("Web To API"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[Web To API].name",
                "intent name is not a DNS-1123 label: 'Web To API'", LABEL_HINT + "'web-to-api'");
        assertDeclaredIn(problem, NameValidationTest.class);
    }

    @Test
    void rejects_two_intents_with_the_same_explicit_name() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(API).on(tcp(8080)).named("web-to-api"),
                allow(WEB).to(API).on(tcp(8443)).named("web-to-api"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[web-to-api]", "2 intents are named 'web-to-api'",
                "give each intent a distinct name with .named(\"...\")");
        assertThat(problem.declaredAt()).hasSize(2)
                .allSatisfy(at -> assertThat(at).startsWith("NameValidationTest.java:"));
    }

    @Test
    void accepts_unnamed_intents_whose_derived_names_collide() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(API).on(tcp(8080)),
                allow(WEB).to(API).on(tcp(8443)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- workloads ---------------------------------------------------------------------------------------------

    @Test
    void rejects_empty_namespace_name_of_a_workload() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(workload("", "web", labels("app", "web")));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].workloads[/web].namespace", "namespace name must not be empty",
                LABEL_HINT + "'shop'");
    }

    @Test
    void rejects_namespace_name_of_a_workload_that_is_not_a_dns_label() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(workload("Shop", "web", labels("app", "web")));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].workloads[Shop/web].namespace",
                "namespace name is not a DNS-1123 label: 'Shop'", LABEL_HINT + "'shop'");
    }

    @Test
    void rejects_empty_workload_name() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(workload("shop", "", labels("app", "web")));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].workloads[shop/].name", "workload name must not be empty",
                LABEL_HINT + "'shop'");
    }

    @Test
    void rejects_workload_name_that_is_not_a_dns_label() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(workload("shop", "web_frontend", labels("app", "web")));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].workloads[shop/web_frontend].name",
                "workload name is not a DNS-1123 label: 'web_frontend'", LABEL_HINT + "'web-frontend'");
    }

    @Test
    void rejects_workload_declared_twice_with_different_definitions() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(
                workload("shop", "web", labels("app", "web")),
                workload("shop", "web", labels("app", "frontend")));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].workloads[shop/web]",
                "workload 'shop/web' is declared twice with different definitions:"
                        + " workload(shop/web {app=frontend}) and workload(shop/web {app=web})",
                "declare each workload once, as a constant shared by every intent");
    }

    @Test
    void accepts_the_same_workload_declared_and_used_several_times() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(WEB, API)
                .intents(allow(WEB).to(API).on(tcp(8080)), isolate(WEB).ingress());

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- namespaces named in peers -----------------------------------------------------------------------------

    @Test
    void rejects_namespace_of_a_pod_selection_that_is_not_a_dns_label() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(namespace("Shop")).to(API).on(tcp(8080)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].from[0].namespaces.names[0]",
                "namespace name is not a DNS-1123 label: 'Shop'", LABEL_HINT + "'shop'");
        assertDeclaredIn(problem, NameValidationTest.class);
    }

    @Test
    void rejects_pod_selection_with_an_empty_namespace_list() {
        // given
        Pods nowhere = pods(new NamespaceScope.Named(List.of()), labels("app", "web"));
        PolicySet.Builder set = policySet("shop").intents(allow(nowhere).to(API).on(tcp(8080)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].from[0].namespaces.names", "namespace list is empty",
                "name at least one namespace");
        assertDeclaredIn(problem, NameValidationTest.class);
    }

    // ---- service accounts --------------------------------------------------------------------------------------

    @Test
    void rejects_service_account_of_a_workload_that_is_not_a_dns_subdomain() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(WEB.withServiceAccount("Web_SA"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].workloads[shop/web].serviceAccount",
                "service account name is not a DNS-1123 subdomain: 'Web_SA'", SUBDOMAIN_HINT);
    }

    @Test
    void rejects_service_account_of_a_workload_that_declares_none() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(serviceAccount(WEB)).to(API).on(tcp(8080)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].from[0].name", "service account name must not be empty",
                "declare it on the workload with .withServiceAccount(\"name\"), or write serviceAccount(namespace, name)");
        assertDeclaredIn(problem, NameValidationTest.class);
    }

    @Test
    void rejects_service_account_reference_that_is_not_a_dns_subdomain() {
        // given
        PolicySet.Builder set = policySet("shop")
                .intents(allow(serviceAccount("shop", "Web.SA")).to(API).on(tcp(8080)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].from[0].name",
                "service account name is not a DNS-1123 subdomain: 'Web.SA'", SUBDOMAIN_HINT);
        assertDeclaredIn(problem, NameValidationTest.class);
    }

    @Test
    void rejects_service_account_reference_whose_namespace_is_not_a_dns_label() {
        // given
        PolicySet.Builder set = policySet("shop")
                .intents(allow(serviceAccount("Shop", "web")).to(API).on(tcp(8080)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].from[0].namespace",
                "namespace name is not a DNS-1123 label: 'Shop'", LABEL_HINT + "'shop'");
    }

    @Test
    void accepts_dotted_service_account_names() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(WEB.withServiceAccount("web.v2"))
                .intents(allow(serviceAccount("shop", "web.v2")).to(API).on(tcp(8080)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }
}
