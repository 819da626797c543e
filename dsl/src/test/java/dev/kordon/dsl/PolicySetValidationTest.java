package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertDeclaredIn;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of a whole set: every problem at once, in a stable order, and {@code build()} refusing invalid sets. */
class PolicySetValidationTest {

    private static final Workload FRONTEND = workload("shop", "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend");
    private static final Workload BACKEND = workload("shop", "backend", labels("app", "backend"))
            .withServiceAccount("backend")
            .withPort("http", tcp(8080));

    @Test
    void collects_every_problem_of_a_set_at_once_ordered_by_path_then_message() {
        // given: five unrelated mistakes, declared in no particular order
        Intent badPort = allow(FRONTEND).to(BACKEND).on(tcp(0)).named("x");
        Intent isolatesWorld = isolate(world()).ingress().named("iso");
        Intent badPath = BACKEND.accepts(GET("api")).from(FRONTEND).on(tcp(8080)).named("http");
        PolicySet.Builder set = policySet("Shop")
                .workloads(workload("shop", "web", labels(Map.of())))
                .intents(badPort, isolatesWorld, badPath);

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).extracting(Problem::path, Problem::message).containsExactly(
                tuple("policySets[Shop].intents[http].http[0].paths[0]", "HTTP path must start with '/': 'api'"),
                tuple("policySets[Shop].intents[iso].subjects[0]",
                        "only pods can be isolated, but 'world' is not a set of pods"),
                tuple("policySets[Shop].intents[x].ports[0]", "port out of range 1..65535: 0"),
                tuple("policySets[Shop].name", "policy set name is not a DNS-1123 label: 'Shop'"),
                tuple("policySets[Shop].workloads[shop/web].selector",
                        "workload selector is empty, so it selects every pod of namespace 'shop'"));
    }

    @Test
    void reports_the_same_problems_in_the_same_order_whatever_the_declaration_order() {
        // given
        Intent badPort = allow(FRONTEND).to(BACKEND).on(tcp(70000)).named("x");
        Intent badDns = allow(FRONTEND).to(dnsName("localhost")).on(tcp(443)).named("y");
        Intent badMethod = BACKEND.accepts(method(HttpMethod.of("get"), "/api")).from(FRONTEND).on(tcp(8080));

        // when
        List<Problem> forwards = of(policySet("shop").intents(badPort, badDns, badMethod));
        List<Problem> backwards = of(policySet("shop").intents(badMethod, badDns, badPort));

        // then
        assertThat(forwards).hasSize(3).isEqualTo(backwards);
    }

    @Test
    void validating_never_throws_and_leaves_the_set_unchanged() {
        // given
        PolicySet set = policySet("shop").intents(allow(FRONTEND).to(BACKEND).on(tcp(0))).buildUnvalidated();
        String before = set.toString();

        // when
        ValidationResult result = set.validate();

        // then
        assertThat(result.isValid()).isFalse();
        assertThat(result.policySet()).isEqualTo("shop");
        assertThat(set.toString()).isEqualTo(before);
    }

    @Test
    void problems_inside_an_intent_point_at_the_line_that_declared_it() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(FRONTEND).to(BACKEND).on(udp(0)));

        // when
        Problem problem = only(set);

        // then
        assertThat(problem.declaredAt()).singleElement().asString().startsWith("PolicySetValidationTest.java:");
        assertDeclaredIn(problem, PolicySetValidationTest.class);
    }

    @Test
    void builds_a_valid_set_without_throwing() {
        // given
        PolicySet.Builder set = policySet("shop")
                .owner("team-shop")
                .description("Storefront traffic")
                .workloads(FRONTEND, BACKEND)
                .intents(
                        isolate(namespace("shop")).ingressAndEgress(),
                        isolate(pods(inNamespace("shop"), label("tier").in("web", "api"))).egress(),
                        allow(FRONTEND).to(BACKEND).on(tcp("http")),
                        BACKEND.accepts(GET("/api/*"), POST("/api/orders").withHeader("x-tenant", "a"))
                                .from(serviceAccount(FRONTEND)).on(tcp(8080))
                                .when(requestPrincipal("https://issuer.example/*"), jwtClaim("role").anyOf("admin")),
                        allow(FRONTEND).to(dnsName("api.stripe.com"), dnsName("*.stripe.com")).on(tcp(443)),
                        allow(BACKEND).to(cidr("10.0.0.0/8").except("10.1.0.0/16")).on(tcpRange(5432, 5433)),
                        allow(BACKEND).to(cidr("2001:db8::/32")).on(tcp(443)),
                        allowDns(namespace("shop")),
                        allowKubeApiServer(BACKEND),
                        deny(namespace("shop")).to(cidr("169.254.169.254/32")).on(anyTraffic()),
                        guardrail("block-metadata").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()),
                        guardrail("default-deny").baseline(1000).deny()
                                .ingressTo(allPods()).from(anywhere()).on(anyTraffic()));

        // when / then
        assertThatCode(set::build).doesNotThrowAnyException();
        assertThat(set.build().validate().toString()).isEqualTo("policy set 'shop' is valid");
    }

    @Test
    void build_throws_listing_every_problem_with_its_fix() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(FRONTEND).to(BACKEND).on(tcp(0)).named("x"),
                allow(FRONTEND).to(dnsName("localhost")).on(tcp(443)).named("y"),
                isolate(world()).ingress().named("z"));

        // when / then
        assertThatThrownBy(set::build)
                .isInstanceOfSatisfying(InvalidPolicySetException.class, e -> {
                    assertThat(e.getMessage()).startsWith("policy set 'shop' has 3 problems:\n- ");
                    assertThat(e.problems()).hasSize(3).isEqualTo(set.buildUnvalidated().validate().problems());
                    assertThat(e.getMessage())
                            .contains("\n- policySets[shop].intents[x].ports[0]: port out of range 1..65535: 0"
                                    + " (declared at PolicySetValidationTest.java:")
                            .contains("\n    fix: use a port from 1 to 65535")
                            .contains("\n- policySets[shop].intents[y].to[0]: DNS name needs at least two labels")
                            .contains("\n- policySets[shop].intents[z].subjects[0]: only pods can be isolated");
                });
    }

    @Test
    void build_names_a_single_problem_in_the_singular() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(FRONTEND).to(BACKEND).on(tcp(0)));

        // when / then
        assertThatThrownBy(set::build)
                .isInstanceOf(InvalidPolicySetException.class)
                .hasMessageStartingWith("policy set 'shop' has 1 problem:\n- ");
    }

    @Test
    void build_throws_for_problems_outside_any_intent_too() {
        // given
        PolicySet.Builder set = policySet("Bad Name").workloads(workload("shop", "web", labels(Map.of())));

        // when / then
        assertThatThrownBy(set::build)
                .isInstanceOf(InvalidPolicySetException.class)
                .hasMessageStartingWith("policy set 'Bad Name' has 2 problems:");
    }
}
