package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertDeclaredIn;
import static dev.kordon.dsl.Problems.assertProblem;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS name patterns as egress destinations. */
class DnsNameValidationTest {

    private static final String TO = "policySets[shop].intents[x].to[0]";
    private static final String DNS_HINT = "write a name such as 'api.example.com', or '*.example.com' for every"
            + " subdomain; '*' may only stand as the whole first label";
    private static final String TWO_LABELS_HINT = "write the fully qualified name, e.g. 'api.example.com'";

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));

    private static PolicySet.Builder webTo(String pattern) {
        return policySet("shop").intents(allow(WEB).to(dnsName(pattern)).on(tcp(443)).named("x"));
    }

    @Test
    void rejects_dns_name_with_invalid_characters() {
        // given
        PolicySet.Builder set = webTo("api!.example.com");

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO, "not a DNS name pattern: 'api!.example.com'", DNS_HINT);
        assertDeclaredIn(problem, DnsNameValidationTest.class);
    }

    @Test
    void rejects_empty_dns_name() {
        // given
        PolicySet.Builder set = webTo("");

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO, "not a DNS name pattern: ''", DNS_HINT);
    }

    @Test
    void rejects_dns_name_with_a_label_longer_than_63_characters() {
        // given
        String name = "a".repeat(64) + ".example.com";
        PolicySet.Builder set = webTo(name);

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO, "not a DNS name pattern: '" + name + "'", DNS_HINT);
    }

    @Test
    void rejects_wildcard_in_the_middle_of_a_dns_name() {
        // given
        PolicySet.Builder set = webTo("api.*.example.com");

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO, "not a DNS name pattern: 'api.*.example.com'", DNS_HINT);
    }

    @Test
    void rejects_wildcard_that_is_only_part_of_the_first_label() {
        // given
        PolicySet.Builder set = webTo("api-*.example.com");

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO, "not a DNS name pattern: 'api-*.example.com'", DNS_HINT);
    }

    @Test
    void rejects_dns_name_with_a_single_label() {
        // given
        PolicySet.Builder set = webTo("localhost");

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO, "DNS name needs at least two labels: 'localhost'", TWO_LABELS_HINT);
        assertDeclaredIn(problem, DnsNameValidationTest.class);
    }

    @Test
    void rejects_wildcard_over_a_single_label() {
        // given
        PolicySet.Builder set = webTo("*.com");

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, TO, "DNS name needs at least two labels: '*.com'", TWO_LABELS_HINT);
    }

    @Test
    void accepts_exact_wildcard_service_and_fully_qualified_names() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(dnsName("API.Example.COM.")).on(tcp(443)),
                allow(WEB).to(dnsName("*.example.com")).on(tcp(443)),
                allow(WEB).to(dnsName("_sip._tcp.example.com")).on(tcp(5060)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }
}
