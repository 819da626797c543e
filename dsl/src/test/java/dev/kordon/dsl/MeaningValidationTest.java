package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertDeclaredIn;
import static dev.kordon.dsl.Problems.assertProblem;
import static dev.kordon.dsl.Problems.connection;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What single intents mean: priorities, tiers, missing parts, guardrail subjects, enforcement and isolation. */
class MeaningValidationTest {

    private static final String X = "policySets[shop].intents[x]";
    private static final String G = "policySets[platform].intents[g]";
    private static final String PRIORITY_HINT = "admin and baseline priorities run from 0 (evaluated first) to 1000"
            + " (evaluated last)";
    private static final String NO_SUBJECT_HINT = "name the pods it protects: allPods(), namespace(...),"
            + " namespaces(labels(...)) or a workload";
    private static final Set<Direction> BOTH = Set.of(Direction.EGRESS, Direction.INGRESS);

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));
    private static final Workload API = workload("shop", "api", labels("app", "api"));

    private static PolicySet.Builder shop(Intent intent) {
        return policySet("shop").intents(intent);
    }

    // ---- priorities --------------------------------------------------------------------------------------------

    @Test
    void rejects_admin_priority_below_0() {
        // given
        PolicySet.Builder set = policySet("platform").intents(guardrail("g").admin(-1).deny()
                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, G + ".priority", "priority out of range 0..1000: -1", PRIORITY_HINT);
        assertDeclaredIn(problem, MeaningValidationTest.class);
    }

    @Test
    void rejects_admin_priority_above_1000() {
        // given
        PolicySet.Builder set = policySet("platform").intents(guardrail("g").admin(1001).deny()
                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, G + ".priority", "priority out of range 0..1000: 1001", PRIORITY_HINT);
    }

    @Test
    void rejects_baseline_priority_below_0() {
        // given
        PolicySet.Builder set = policySet("platform").intents(guardrail("g").baseline(-1).deny()
                .ingressTo(allPods()).from(anywhere()).on(anyTraffic()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, G + ".priority", "priority out of range 0..1000: -1", PRIORITY_HINT);
    }

    @Test
    void rejects_baseline_priority_above_1000() {
        // given
        PolicySet.Builder set = policySet("platform").intents(guardrail("g").baseline(1001).deny()
                .ingressTo(allPods()).from(anywhere()).on(anyTraffic()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, G + ".priority", "priority out of range 0..1000: 1001", PRIORITY_HINT);
    }

    @Test
    void accepts_priorities_0_and_1000() {
        // given
        PolicySet.Builder set = policySet("platform").intents(
                guardrail("first").admin(0).deny().egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()),
                guardrail("last").baseline(1000).deny().ingressTo(allPods()).from(anywhere()).on(anyTraffic()));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- actions and missing parts -----------------------------------------------------------------------------

    @Test
    void rejects_pass_in_the_application_tier() {
        // given
        PolicySet.Builder set = shop(connection("x", Action.PASS, List.of(WEB), List.of(API), List.of(tcp(8080)), BOTH));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X + ".action", "pass is only valid in the admin and baseline tiers",
                "use allow or deny here, or declare a guardrail(...) to pass to the next tier");
    }

    @Test
    void rejects_connection_without_sources() {
        // given
        PolicySet.Builder set = shop(connection("x", Action.ALLOW, List.of(), List.of(API), List.of(tcp(8080)), BOTH));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X + ".from", "connection has no sources", "name who sends the traffic");
    }

    @Test
    void rejects_connection_without_destinations() {
        // given
        PolicySet.Builder set = shop(connection("x", Action.ALLOW, List.of(WEB), List.of(), List.of(tcp(8080)), BOTH));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X + ".to", "connection has no destinations", "name who receives the traffic");
    }

    @Test
    void rejects_connection_without_ports() {
        // given
        PolicySet.Builder set = shop(connection("x", Action.ALLOW, List.of(WEB), List.of(API), List.of(), BOTH));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X + ".ports", "connection has no ports",
                "name the ports, or anyTraffic() for every protocol");
    }

    @Test
    void rejects_connection_enforced_at_no_side() {
        // given
        PolicySet.Builder set = shop(new Connection("x", Tier.APPLICATION, 0, Action.ALLOW, List.of(WEB), List.of(API),
                List.of(tcp(8080)), List.of(), List.of(), Set.of(), Origin.of("Declared.java", 7)));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X, "connection is enforced at no side", "enforce it at egress, ingress or both");
        assertThat(problem.declaredAt()).containsExactly("Declared.java:7");
    }

    @Test
    void rejects_dns_name_as_a_source() {
        // given
        PolicySet.Builder set = shop(allow(dnsName("api.example.com")).to(API).on(tcp(8080)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X + ".from[0]", "DNS names can only be destinations: 'dns(api.example.com)'",
                "for traffic from outside the cluster use cidr(...) or world()");
        assertDeclaredIn(problem, MeaningValidationTest.class);
    }

    // ---- guardrail subjects ------------------------------------------------------------------------------------

    @Test
    void rejects_egress_guardrail_whose_sources_are_only_a_cidr() {
        // given
        PolicySet.Builder set = policySet("platform").intents(guardrail("g").admin(10).deny()
                .egressFrom(cidr("10.0.0.0/8")).to(world()).on(anyTraffic()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, G + ".from", "guardrail has no subject: egress guardrails are enforced at their source"
                + " pods, but no source is a set of pods", NO_SUBJECT_HINT);
        assertDeclaredIn(problem, MeaningValidationTest.class);
    }

    @Test
    void rejects_ingress_guardrail_whose_destinations_are_only_the_world() {
        // given
        PolicySet.Builder set = policySet("platform").intents(guardrail("g").admin(10).deny()
                .ingressTo(world()).from(allPods()).on(anyTraffic()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, G + ".to", "guardrail has no subject: ingress guardrails are enforced at their"
                + " destination pods, but no destination is a set of pods", NO_SUBJECT_HINT);
    }

    @Test
    void rejects_egress_guardrail_whose_subject_mixes_pods_and_a_cidr() {
        // given: sources are sorted by text, so the cidr is from[0]
        PolicySet.Builder set = policySet("platform").intents(guardrail("g").admin(10).deny()
                .egressFrom(allPods(), cidr("10.0.0.0/8")).to(cidr("169.254.169.254/32")).on(anyTraffic()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, G + ".from[0]", "only pods can be the subject of an egress guardrail, but"
                + " 'cidr(10.0.0.0/8)' is not a set of pods", "move it to the other side of the rule, or remove it");
    }

    @Test
    void rejects_ingress_guardrail_whose_subject_mixes_pods_and_the_world() {
        // given
        PolicySet.Builder set = policySet("platform").intents(guardrail("g").baseline(10).deny()
                .ingressTo(namespace("shop"), world()).from(anywhere()).on(anyTraffic()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, G + ".to[1]", "only pods can be the subject of an ingress guardrail, but 'world' is not"
                + " a set of pods", "move it to the other side of the rule, or remove it");
    }

    // ---- enforcement of application intents --------------------------------------------------------------------

    @Test
    void rejects_intent_whose_ends_are_both_not_pods() {
        // given
        PolicySet.Builder set = shop(allow(cidr("10.0.0.0/8")).to(world()).on(tcp(443)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X, "intent is enforced nowhere: neither its sources nor its destinations are pods",
                "name pods on at least one side: a workload, namespace(...), allPods() or a service account");
        assertDeclaredIn(problem, MeaningValidationTest.class);
    }

    @Test
    void rejects_intent_only_enforced_at_egress_of_a_source_that_is_not_pods() {
        // given
        PolicySet.Builder set = shop(allow(cidr("10.0.0.0/8")).to(API).on(tcp(8080)).onlyEgress().named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X, "intent is enforced nowhere: it is only enforced at egress, but no source is a set"
                + " of pods", "remove onlyEgress(), or name pods on that side");
    }

    @Test
    void rejects_intent_only_enforced_at_ingress_of_a_destination_that_is_not_pods() {
        // given
        PolicySet.Builder set = shop(allow(WEB).to(world()).on(tcp(443)).onlyIngress().named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X, "intent is enforced nowhere: it is only enforced at ingress, but no destination is"
                + " a set of pods", "remove onlyIngress(), or name pods on that side");
    }

    @Test
    void accepts_intents_with_pods_on_the_enforcing_side() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(cidr("10.0.0.0/8")).to(API).on(tcp(8080)),
                allow(WEB).to(world()).on(tcp(443)).onlyEgress(),
                allow(kubeApiServer()).to(API).on(tcp(8080)).onlyIngress(),
                allowDns(namespace("shop")));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- isolation ---------------------------------------------------------------------------------------------

    @Test
    void rejects_isolation_of_something_that_is_not_pods() {
        // given
        PolicySet.Builder set = shop(isolate(cidr("10.0.0.0/8")).ingress().named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X + ".subjects[0]", "only pods can be isolated, but 'cidr(10.0.0.0/8)' is not a set of"
                + " pods", "isolate a workload, namespace(...), namespaces(labels(...)) or allPods()");
        assertDeclaredIn(problem, MeaningValidationTest.class);
    }

    @Test
    void rejects_only_the_subject_of_an_isolation_that_is_not_pods() {
        // given: subjects are sorted by text, so world() is subjects[1]
        PolicySet.Builder set = shop(isolate(namespace("shop"), world()).ingressAndEgress().named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X + ".subjects[1]", "only pods can be isolated, but 'world' is not a set of pods",
                "isolate a workload, namespace(...), namespaces(labels(...)) or allPods()");
    }

    @Test
    void rejects_isolation_without_subjects() {
        // given
        PolicySet.Builder set = shop(new Isolation("x", List.of(), Set.of(Direction.INGRESS), Origin.unknown()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X + ".subjects", "isolation has no subjects", "name the pods to isolate");
    }

    @Test
    void rejects_isolation_without_directions() {
        // given
        PolicySet.Builder set = shop(new Isolation("x", List.of(WEB), Set.of(), Origin.unknown()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, X + ".directions", "isolation has no directions",
                "isolate ingress(), egress() or ingressAndEgress()");
    }
}
