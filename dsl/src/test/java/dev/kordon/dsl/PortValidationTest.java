package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertDeclaredIn;
import static dev.kordon.dsl.Problems.assertProblem;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Port numbers, port ranges, named ports and HTTP rules on traffic that is not only TCP. */
class PortValidationTest {

    private static final String PORTS = "policySets[shop].intents[x].ports";
    private static final String PORT_HINT = "use a port from 1 to 65535; for every port of a protocol write"
            + " allTcpPorts(), allUdpPorts() or allSctpPorts()";
    private static final String IANA_HINT = "use at most 15 lower-case letters, digits and '-', with at least one"
            + " letter and no leading, trailing or double '-', e.g. 'http'";
    private static final String L7_HINT = "put the non-TCP ports in a separate intent without HTTP rules or conditions";

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));
    private static final Workload API = workload("shop", "api", labels("app", "api"));

    private static PolicySet.Builder webToApiOn(PortMatch port) {
        return policySet("shop").intents(allow(WEB).to(API).on(port).named("x"));
    }

    @Test
    void rejects_a_named_port_toward_destinations_that_are_no_pods() {
        // given: a name looks up a container port of a destination pod, and a CIDR or DNS name has none
        PolicySet.Builder set = policySet("shop").intents(allow(WEB).to(cidr("203.0.113.0/24"), dnsName("a.example"))
                .on(tcp("https")).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]", "named port 'tcp/https' names a container port of a destination pod,"
                + " but every destination is an address, a node or a name outside the pod network, which has no"
                + " named ports", "write the port number, or name the destination pods");
    }

    @Test
    void accepts_a_named_port_when_some_destination_is_pods_or_anywhere() {
        assertThat(Problems.of(policySet("shop").intents(allow(WEB).to(cidr("10.0.0.0/8"), API).on(tcp("http"))
                .named("x")))).isEmpty();
        assertThat(Problems.of(policySet("shop").intents(allow(WEB).to(anywhere()).on(tcp("http")).named("x"))))
                .isEmpty();
    }

    // ---- numbers and ranges ------------------------------------------------------------------------------------

    @Test
    void rejects_port_0() {
        // given
        PolicySet.Builder set = webToApiOn(tcp(0));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]", "port out of range 1..65535: 0", PORT_HINT);
    }

    @Test
    void rejects_port_above_65535() {
        // given
        PolicySet.Builder set = webToApiOn(udp(70000));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]", "port out of range 1..65535: 70000", PORT_HINT);
        assertDeclaredIn(problem, PortValidationTest.class);
    }

    @Test
    void accepts_ports_1_and_65535() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(WEB).to(API).on(tcp(1), sctp(65535)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void rejects_port_range_that_starts_after_it_ends_and_suggests_the_swap() {
        // given
        PolicySet.Builder set = webToApiOn(tcpRange(9000, 8000));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]", "port range starts after it ends: 9000-8000",
                "write the lower port first: tcpRange(8000, 9000)");
    }

    @Test
    void suggests_the_factory_of_the_same_protocol_for_a_reversed_range() {
        // given
        PolicySet.Builder set = webToApiOn(udpRange(2000, 1000));

        // when
        Problem problem = only(set);

        // then
        assertThat(problem.hint()).isEqualTo("write the lower port first: udpRange(1000, 2000)");
    }

    @Test
    void rejects_both_ends_of_a_port_range_outside_1_to_65535() {
        // given
        PolicySet.Builder set = webToApiOn(tcpRange(0, 70000));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).extracting(Problem::path, Problem::message).containsExactly(
                tuple(PORTS + "[0]", "port out of range 1..65535: 0"),
                tuple(PORTS + "[0]", "port out of range 1..65535: 70000"));
    }

    // ---- named ports -------------------------------------------------------------------------------------------

    @Test
    void rejects_named_port_longer_than_15_characters() {
        // given
        PolicySet.Builder set = webToApiOn(tcp("http-alternative"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]", "named port is not an IANA service name: 'http-alternative'",
                IANA_HINT);
    }

    @Test
    void rejects_named_port_in_upper_case() {
        // given
        PolicySet.Builder set = webToApiOn(tcp("HTTP"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]", "named port is not an IANA service name: 'HTTP'", IANA_HINT);
    }

    @Test
    void rejects_named_port_without_a_letter() {
        // given
        PolicySet.Builder set = webToApiOn(tcp("8080"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]", "named port is not an IANA service name: '8080'", IANA_HINT);
    }

    @Test
    void rejects_named_port_with_a_double_dash() {
        // given
        PolicySet.Builder set = webToApiOn(tcp("my--port"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]", "named port is not an IANA service name: 'my--port'", IANA_HINT);
    }

    @Test
    void accepts_named_port_of_15_characters_with_digits_and_dashes() {
        // given
        PolicySet.Builder set = webToApiOn(tcp("h2c-9090-metric"));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void rejects_named_port_of_a_workload_that_is_not_an_iana_service_name() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(WEB.withPort("Web_Port", tcp(8080)));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].workloads[shop/web].ports[Web_Port]",
                "named port is not an IANA service name: 'Web_Port'", IANA_HINT);
    }

    @Test
    void rejects_port_number_of_a_workload_out_of_range() {
        // given
        PolicySet.Builder set = policySet("shop").workloads(WEB.withPort("http", tcp(0)));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].workloads[shop/web].ports[http]", "port out of range 1..65535: 0",
                PORT_HINT);
    }

    // ---- HTTP needs TCP ----------------------------------------------------------------------------------------

    @Test
    void rejects_http_rules_on_a_udp_port() {
        // given
        PolicySet.Builder set = policySet("shop")
                .intents(allow(WEB).to(API).on(udp(8080)).requests(GET("/api/*")).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]",
                "HTTP rules and request conditions need TCP traffic, but 'udp/8080' is not only TCP", L7_HINT);
        assertDeclaredIn(problem, PortValidationTest.class);
    }

    @Test
    void rejects_http_rules_on_any_traffic() {
        // given
        PolicySet.Builder set = policySet("shop")
                .intents(allow(WEB).to(API).on(anyTraffic()).requests(GET("/api/*")).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]",
                "HTTP rules and request conditions need TCP traffic, but 'any' is not only TCP", L7_HINT);
    }

    @Test
    void rejects_http_rules_on_a_named_udp_port() {
        // given
        PolicySet.Builder set = policySet("shop")
                .intents(allow(WEB).to(API).on(udp("dns")).requests(GET("/api/*")).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]",
                "HTTP rules and request conditions need TCP traffic, but 'udp/dns' is not only TCP", L7_HINT);
    }

    @Test
    void rejects_request_conditions_on_all_udp_ports() {
        // given
        PolicySet.Builder set = policySet("shop")
                .intents(allow(WEB).to(API).on(allUdpPorts()).when(anyRequestPrincipal()).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[0]",
                "HTTP rules and request conditions need TCP traffic, but 'udp/*' is not only TCP", L7_HINT);
    }

    @Test
    void reports_only_the_non_tcp_port_of_an_http_intent() {
        // given: ports are kept in canonical order, so tcp/8080 is ports[0] and udp/8080 is ports[1]
        PolicySet.Builder set = policySet("shop")
                .intents(allow(WEB).to(API).on(udp(8080), tcp(8080)).requests(GET("/api/*")).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, PORTS + "[1]",
                "HTTP rules and request conditions need TCP traffic, but 'udp/8080' is not only TCP", L7_HINT);
    }

    @Test
    void accepts_http_rules_on_every_kind_of_tcp_port() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(API).on(tcp(8080), tcp("http"), tcpRange(9000, 9100)).requests(GET("/api/*")),
                allow(WEB).to(API).on(allTcpPorts()).when(anyRequestPrincipal()));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }
}
