package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertProblem;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Guardrails of the same tier and priority with different actions that can match the same traffic. */
class ConflictValidationTest {

    private static final String CONFLICT_HINT = "give one of them a different priority (lower is evaluated first), or"
            + " narrow them so that they cannot overlap";

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));

    private static PolicySet.Builder platform(Intent first, Intent second) {
        return policySet("platform").intents(first, second);
    }

    private static String location(Intent intent) {
        return intent.origin().location().orElseThrow();
    }

    // ---- conflicts ---------------------------------------------------------------------------------------------

    @Test
    void reports_overlapping_guardrails_of_same_tier_and_priority_once_at_the_first_by_name() {
        // given: declared in reverse name order
        Connection allow = guardrail("b-allow").admin(10).allow()
                .egressFrom(namespace("shop")).to(cidr("10.1.0.0/16")).on(tcpRange(1, 1024));
        Connection deny = guardrail("a-deny").admin(10).deny()
                .egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(80));
        PolicySet.Builder set = platform(allow, deny);

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[platform].intents[a-deny]", "intents 'a-deny' (deny) and 'b-allow' (allow)"
                + " have the same tier and priority (admin 10) and can match the same traffic, so which one applies"
                + " is undefined", CONFLICT_HINT);
        assertThat(problem.declaredAt()).containsExactly(location(deny), location(allow))
                .allSatisfy(at -> assertThat(at).startsWith("ConflictValidationTest.java:"));
        assertThat(location(deny)).isNotEqualTo(location(allow));
    }

    @Test
    void reports_baseline_guardrails_that_pass_and_deny_the_same_traffic() {
        // given
        PolicySet.Builder set = platform(
                guardrail("deny-all").baseline(500).deny().ingressTo(allPods()).from(anywhere()).on(anyTraffic()),
                guardrail("pass-shop").baseline(500).pass().ingressTo(namespace("shop")).from(world()).on(tcp(443)));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[platform].intents[deny-all]", "intents 'deny-all' (deny) and 'pass-shop'"
                + " (pass) have the same tier and priority (baseline 500) and can match the same traffic, so which"
                + " one applies is undefined", CONFLICT_HINT);
    }

    @Test
    void reports_guardrails_to_a_wildcard_and_a_name_it_covers() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(allPods()).to(dnsName("*.example.com")).on(tcp(443)),
                guardrail("b").admin(10).allow().egressFrom(WEB).to(dnsName("api.example.com"))
                        .on(tcp(8443), tcp(443)));

        // when
        Problem problem = only(set);

        // then
        assertThat(problem.path()).isEqualTo("policySets[platform].intents[a]");
        assertThat(problem.message()).startsWith("intents 'a' (deny) and 'b' (allow) have the same tier and priority");
    }

    // ---- no conflict -------------------------------------------------------------------------------------------

    @Test
    void accepts_overlapping_guardrails_with_different_priorities() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(80)),
                guardrail("b").admin(11).allow().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(80)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_overlapping_guardrails_in_different_tiers() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(80)),
                guardrail("b").baseline(10).allow().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(80)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_overlapping_guardrails_with_the_same_action() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(80)),
                guardrail("b").admin(10).deny().egressFrom(namespace("shop")).to(cidr("10.0.0.0/8")).on(tcp(80)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_an_audit_guardrail_overlapping_a_deny() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(80)),
                guardrail("b").admin(10).audit().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(80)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_guardrails_on_namespaces_with_different_names() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(namespace("shop")).to(cidr("10.0.0.0/8")).on(tcp(80)),
                guardrail("b").admin(10).allow().egressFrom(namespace("billing")).to(cidr("10.0.0.0/8")).on(tcp(80)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_guardrails_on_provably_disjoint_selectors() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(pods(inAnyNamespace(), labels("app", "a")))
                        .to(cidr("10.0.0.0/8")).on(tcp(80)),
                guardrail("b").admin(10).allow().egressFrom(pods(inAnyNamespace(), labels("app", "b")))
                        .to(cidr("10.0.0.0/8")).on(tcp(80)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_guardrails_on_different_ports() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(80)),
                guardrail("b").admin(10).allow().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(443)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_guardrails_on_different_protocols() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(53)),
                guardrail("b").admin(10).allow().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(udp(53)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_guardrails_on_disjoint_dns_names() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(allPods())
                        .to(dnsName("api.example.com"), dnsName("*.example.org")).on(tcp(443)),
                guardrail("b").admin(10).allow().egressFrom(allPods())
                        .to(dnsName("www.example.com"), dnsName("example.org")).on(tcp(443)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_guardrails_to_the_world_and_to_pods() {
        // given
        PolicySet.Builder set = platform(
                guardrail("a").admin(10).deny().egressFrom(allPods()).to(world()).on(tcp(443)),
                guardrail("b").admin(10).allow().egressFrom(allPods()).to(allPods()).on(tcp(443)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void accepts_application_allow_and_deny_of_the_same_traffic() {
        // given: in the application tier a deny beats an allow, so the outcome is defined
        PolicySet.Builder set = policySet("shop").intents(
                allow(allPods()).to(WEB).on(tcp(8080)),
                deny(namespace("billing")).to(WEB).on(tcp(8080)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }
}
