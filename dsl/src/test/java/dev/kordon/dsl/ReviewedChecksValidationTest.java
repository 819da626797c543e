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

/**
 * Checks that close gaps where a mistake would otherwise widen or silently change an intent: empty selectors that
 * were not asked for, peers on a side that is never enforced, named ports the destination does not have, unnamed
 * guardrails, and request principals that no token can carry.
 */
class ReviewedChecksValidationTest {

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));
    private static final Workload API = workload("shop", "api", labels("app", "api"))
            .withPort("http", tcp(8080))
            .withPort("dns", udp(5353));
    private static final String X = "policySets[shop].intents[x]";
    private static final String EMPTY_SELECTOR_HINT = "name the labels to match; to select everything say so with"
            + " namespace(...), allPods(), allNodes() or LabelSelector.matchingAll()";

    // ---- empty selectors must be asked for by name -------------------------------------------------------------

    @Test
    void rejects_an_empty_label_map_for_pods() {
        // given a pod selection whose label map happens to be empty
        PolicySet.Builder set = policySet("shop").intents(
                allow(pods(inNamespace("shop"), labels(Map.of()))).to(API).on(tcp(8080)).named("x"));
        // when / then it is reported instead of meaning every pod of the namespace
        Problem problem = only(set);
        assertProblem(problem, X + ".from[0].selector",
                "selector has no requirements, so it matches everything in its scope", EMPTY_SELECTOR_HINT);
        assertDeclaredIn(problem, ReviewedChecksValidationTest.class);
    }

    @Test
    void rejects_an_empty_label_map_for_namespaces_and_nodes() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(namespaces(labels(Map.of()))).to(API).on(tcp(8080)).named("x"),
                allow(WEB).to(nodes(labels(Map.of()))).on(tcp(10250)).named("y"));
        // when
        List<Problem> problems = of(set);
        // then
        assertThat(problems).extracting(Problem::path).containsExactly(
                X + ".from[0].namespaces.selector", "policySets[shop].intents[y].to[0].selector");
        assertThat(problems).extracting(Problem::message)
                .containsOnly("selector has no requirements, so it matches everything in its scope");
    }

    @Test
    void accepts_selectors_that_match_everything_by_name() {
        // given every way of asking for "everything" explicitly
        PolicySet.Builder set = policySet("shop").intents(
                allow(allPods()).to(API).on(tcp(8080)),
                allow(WEB).to(allNodes()).on(tcp(10250)),
                allow(pods(inAnyNamespace(), LabelSelector.matchingAll())).to(WEB).on(tcp(80)),
                allow(namespace("ops")).to(WEB).on(tcp(81)));
        // then nothing is reported
        assertThat(of(set)).isEmpty();
    }

    // ---- guardrails carry the name their team gives them ---------------------------------------------------------

    @Test
    void rejects_a_guardrail_with_an_empty_name() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                guardrail("").admin(10).deny().egressFrom(allPods()).to(world()).on(tcp(25)));
        // when
        Problem problem = only(set);
        // then the name is not derived behind the team's back
        assertProblem(problem, "policySets[shop].intents[].name", "guardrail name must not be empty",
                "use at most 63 lower-case letters, digits and '-', beginning and ending with a letter or digit,"
                        + " e.g. 'shop'");
    }

    // ---- peers on a side that carries nothing ------------------------------------------------------------------

    @Test
    void rejects_a_cidr_source_of_an_egress_only_intent() {
        // given an egress-only intent whose sources mix pods and a CIDR
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB, cidr("10.0.0.0/8")).to(API).on(tcp(8080)).onlyEgress().named("x"));
        // when
        Problem problem = only(set);
        // then the CIDR is named as never enforced
        assertProblem(problem, X + ".from[0]", "'cidr(10.0.0.0/8)' is never enforced: this intent is enforced only"
                + " at egress, on its source pods", "remove onlyEgress(), or declare it in a separate intent");
    }

    @Test
    void rejects_a_world_destination_of_an_ingress_only_intent() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(API, world()).on(tcp(8080)).onlyIngress().named("x"));
        // when
        Problem problem = only(set);
        // then
        assertProblem(problem, X + ".to[1]", "'world' is never enforced: this intent is enforced only at ingress, on"
                + " its destination pods", "remove onlyIngress(), or declare it in a separate intent");
    }

    // ---- named ports must exist on destinations that declare their ports ---------------------------------------

    @Test
    void rejects_a_named_port_the_destination_does_not_declare() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(WEB).to(API).on(tcp("metrics")).named("x"));
        // when
        Problem problem = only(set);
        // then
        assertProblem(problem, X + ".ports[0]", "named port 'tcp/metrics' is not declared by any destination"
                + " workload: shop/api declares dns, http", "use a name and protocol the destination declares with"
                + " withPort(...), or a port number");
    }

    @Test
    void rejects_a_named_port_declared_with_another_protocol() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(WEB).to(API).on(tcp("dns")).named("x"));
        // when
        Problem problem = only(set);
        // then
        assertThat(problem.message()).isEqualTo("named port 'tcp/dns' is not declared by any destination workload:"
                + " shop/api declares 'dns' as udp/5353");
    }

    @Test
    void accepts_named_ports_declared_by_the_destination_or_unknown_to_kordon() {
        // given one destination that declares the port and one that declares no ports at all
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(API).on(tcp("http"), udp("dns")),
                allow(API).to(WEB).on(tcp("anything")));
        // then nothing is reported: Kordon cannot know the ports of a workload that declares none
        assertThat(of(set)).isEmpty();
    }

    // ---- request principals and claims -------------------------------------------------------------------------

    @Test
    void rejects_a_request_principal_with_stars_at_both_ends_of_a_side() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(WEB).to(API).on(tcp(8080))
                .when(requestPrincipal("https://issuer.example/*alice*")).named("x"));
        // then
        assertProblem(only(set), X + ".when[0]", "request principal may use '*' only at the start or end of the"
                + " issuer and of the subject: 'https://issuer.example/*alice*'",
                "write 'https://issuer.example/*' or '*/alice'");
    }

    @Test
    void rejects_a_request_principal_that_is_only_an_issuer_url() {
        // given an issuer URL without a subject: its last '/' is the one of "https://"
        PolicySet.Builder set = policySet("shop").intents(allow(WEB).to(API).on(tcp(8080))
                .when(requestPrincipal("https://issuer.example")).named("x"));
        // then
        assertProblem(only(set), X + ".when[0]", "request principal is not 'issuer/subject': 'https://issuer.example'",
                "write 'https://issuer.example/alice', 'https://issuer.example/*', or '*' for any valid JWT");
    }

    @Test
    void rejects_a_jwt_claim_without_a_name() {
        // given a claim condition built from the record
        PolicySet.Builder set = policySet("shop").intents(allow(WEB).to(API).on(tcp(8080))
                .when(new Condition.JwtClaim(List.of(), List.of("a")), anyRequestPrincipal()).named("x"));
        // then
        assertProblem(only(set), X + ".when[0]", "JWT claim condition names no claim",
                "name the claim: jwtClaim(\"role\")");
    }

    @Test
    void rejects_an_http_rule_for_every_path_and_method() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(API).on(tcp(8080)).requests(anyMethod("/*")).named("x"));
        // then
        assertProblem(only(set), X + ".http[0]", "HTTP rule matches every request",
                "name methods or paths; for access without HTTP limits leave the HTTP rules out");
    }

    // ---- CIDRs -------------------------------------------------------------------------------------------------

    @Test
    void reports_host_bits_of_a_cidr_written_with_spaces() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(WEB).to(cidr(" 10.0.0.1/8 ")).on(tcp(443)).named("x"));
        // then the CIDR is trimmed and the real problem named
        assertProblem(only(set), X + ".to[0].cidr", "CIDR has bits set after its prefix: '10.0.0.1/8'",
                "did you mean '10.0.0.0/8'? For a single address write '10.0.0.1/32'");
    }
}
