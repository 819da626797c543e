package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertDeclaredIn;
import static dev.kordon.dsl.Problems.assertProblem;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDR blocks and their exceptions, IPv4 and IPv6. */
class CidrValidationTest {

    private static final String TO = "policySets[shop].intents[x].to[0]";
    private static final String NOT_A_CIDR_HINT = "write an address and a prefix length, e.g. '10.0.0.0/8',"
            + " '10.0.0.1/32' or '2001:db8::/32'";
    private static final String OUTSIDE_HINT = "every exception must be a smaller network inside the block, of the"
            + " same IP family";
    private static final String WHOLE_BLOCK_HINT = "remove the block, or make the exception a smaller network inside it";

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));

    private static PolicySet.Builder webTo(IpBlock block) {
        return policySet("shop").intents(allow(WEB).to(block).on(tcp(443)).named("x"));
    }

    // ---- IPv4 --------------------------------------------------------------------------------------------------

    @Test
    void rejects_address_without_prefix_length() {
        // given
        PolicySet.Builder set = webTo(cidr("10.0.0.0"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".cidr", "not a CIDR: '10.0.0.0'", NOT_A_CIDR_HINT);
        assertDeclaredIn(problem, CidrValidationTest.class);
    }

    @Test
    void rejects_ipv4_prefix_longer_than_32() {
        // given
        PolicySet.Builder set = webTo(cidr("10.0.0.0/33"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".cidr", "not a CIDR: '10.0.0.0/33'", NOT_A_CIDR_HINT);
    }

    @Test
    void rejects_ipv4_octet_above_255() {
        // given
        PolicySet.Builder set = webTo(cidr("10.0.0.256/32"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".cidr", "not a CIDR: '10.0.0.256/32'", NOT_A_CIDR_HINT);
    }

    @Test
    void rejects_ipv4_cidr_with_host_bits_set_and_suggests_network_and_single_address() {
        // given
        PolicySet.Builder set = webTo(cidr("10.0.0.1/8"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".cidr", "CIDR has bits set after its prefix: '10.0.0.1/8'",
                "did you mean '10.0.0.0/8'? For a single address write '10.0.0.1/32'");
    }

    @Test
    void rejects_invalid_cidr_among_the_sources() {
        // given
        PolicySet.Builder set = policySet("shop").intents(allow(cidr("192.168.1.1/24")).to(WEB).on(tcp(443)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].from[0].cidr",
                "CIDR has bits set after its prefix: '192.168.1.1/24'",
                "did you mean '192.168.1.0/24'? For a single address write '192.168.1.1/32'");
    }

    // ---- exceptions --------------------------------------------------------------------------------------------

    @Test
    void rejects_exception_outside_the_block() {
        // given
        PolicySet.Builder set = webTo(cidr("10.0.0.0/8").except("192.168.0.0/16"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".except[0]", "exception '192.168.0.0/16' is not inside '10.0.0.0/8'",
                OUTSIDE_HINT);
        assertDeclaredIn(problem, CidrValidationTest.class);
    }

    @Test
    void rejects_exception_larger_than_the_block() {
        // given
        PolicySet.Builder set = webTo(cidr("10.1.0.0/16").except("10.0.0.0/8"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".except[0]", "exception '10.0.0.0/8' is not inside '10.1.0.0/16'",
                OUTSIDE_HINT);
    }

    @Test
    void rejects_exception_equal_to_the_block() {
        // given
        PolicySet.Builder set = webTo(cidr("10.0.0.0/8").except("10.0.0.0/8"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".except[0]", "exception '10.0.0.0/8' removes the whole block '10.0.0.0/8'",
                WHOLE_BLOCK_HINT);
    }

    @Test
    void rejects_exception_that_is_not_a_cidr() {
        // given
        PolicySet.Builder set = webTo(cidr("10.0.0.0/8").except("10.1.0.0"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".except[0]", "not a CIDR: '10.1.0.0'", NOT_A_CIDR_HINT);
    }

    @Test
    void rejects_exception_with_host_bits_set() {
        // given
        PolicySet.Builder set = webTo(cidr("10.0.0.0/8").except("10.1.0.1/16"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".except[0]", "CIDR has bits set after its prefix: '10.1.0.1/16'",
                "did you mean '10.1.0.0/16'? For a single address write '10.1.0.1/32'");
    }

    @Test
    void reports_only_the_invalid_block_when_its_exception_cannot_be_compared() {
        // given
        PolicySet.Builder set = webTo(cidr("10.0.0.0").except("192.168.0.0/16"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".cidr", "not a CIDR: '10.0.0.0'", NOT_A_CIDR_HINT);
    }

    @Test
    void accepts_blocks_with_exceptions_inside_them() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(cidr("0.0.0.0/0").except("169.254.169.254/32", "10.0.0.0/8")).on(tcp(443)),
                allow(WEB).to(cidr("2001:db8::/32").except("2001:db8:1::/48")).on(tcp(443)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- IPv6 --------------------------------------------------------------------------------------------------

    @Test
    void rejects_ipv6_cidr_with_host_bits_set_and_suggests_canonical_forms() {
        // given
        PolicySet.Builder set = webTo(cidr("2001:DB8::1/32"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".cidr", "CIDR has bits set after its prefix: '2001:DB8::1/32'",
                "did you mean '2001:db8::/32'? For a single address write '2001:db8::1/128'");
    }

    @Test
    void rejects_ipv6_prefix_longer_than_128() {
        // given
        PolicySet.Builder set = webTo(cidr("2001:db8::/129"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".cidr", "not a CIDR: '2001:db8::/129'", NOT_A_CIDR_HINT);
    }

    @Test
    void rejects_ipv6_address_with_two_double_colons() {
        // given
        PolicySet.Builder set = webTo(cidr("2001::db8::/32"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".cidr", "not a CIDR: '2001::db8::/32'", NOT_A_CIDR_HINT);
    }

    @Test
    void rejects_ipv6_address_with_nine_groups() {
        // given
        PolicySet.Builder set = webTo(cidr("1:2:3:4:5:6:7:8:9/128"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".cidr", "not a CIDR: '1:2:3:4:5:6:7:8:9/128'", NOT_A_CIDR_HINT);
    }

    @Test
    void rejects_exception_of_the_other_ip_family() {
        // given
        PolicySet.Builder set = webTo(cidr("2001:db8::/32").except("10.0.0.0/8"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".except[0]", "exception '10.0.0.0/8' is not inside '2001:db8::/32'",
                OUTSIDE_HINT);
    }

    @Test
    void rejects_ipv6_exception_that_is_the_block_written_differently() {
        // given
        PolicySet.Builder set = webTo(cidr("2001:db8::/32").except("2001:0DB8:0000::/32"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO + ".except[0]",
                "exception '2001:db8::/32' removes the whole block '2001:db8::/32'", WHOLE_BLOCK_HINT);
    }

    @Test
    void accepts_ipv6_in_long_upper_case_and_ipv4_embedded_forms() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(cidr("2001:0DB8:0000:0000:0000:0000:0000:0000/32")).on(tcp(443)),
                allow(WEB).to(cidr("::ffff:10.0.0.0/104")).on(tcp(443)),
                allow(WEB).to(cidr("::/0")).on(tcp(443)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }
}
