package dev.kordon.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictJsonTest {

    private static final Endpoint A = new Endpoint.External("10.0.0.1", "");
    private static final Endpoint B = new Endpoint.External("10.0.0.2", "");

    @Test
    void an_icmp_flow_has_its_type_and_no_port_and_a_rule_has_its_index() {
        // given
        Verdict verdict = new Verdict(Flow.icmp(A, B, Transport.ICMP, 8), true, false,
                List.of(new Step("calico", "ingress", "default", "GlobalNetworkPolicy ping", 2, "allow",
                        "rule 2 matches")));

        // when
        String json = VerdictJson.explanation(verdict);

        // then
        assertThat(json).isEqualTo("""
                {
                  "flow": "ip:10.0.0.1 -> ip:10.0.0.2 ICMP type 8",
                  "source": "ip:10.0.0.1",
                  "destination": "ip:10.0.0.2",
                  "protocol": "ICMP",
                  "icmpType": 8,
                  "allowed": true,
                  "ambiguous": false,
                  "steps": [
                    {
                      "layer": "calico",
                      "direction": "ingress",
                      "tier": "default",
                      "resource": "GlobalNetworkPolicy ping",
                      "rule": 2,
                      "outcome": "allow",
                      "reason": "rule 2 matches"
                    }
                  ]
                }""");
    }

    @Test
    void text_is_escaped_and_an_ambiguous_denial_says_so_without_steps_in_a_decision() {
        // given
        Verdict verdict = new Verdict(Flow.of(A, B, Transport.UDP, 53), false, true,
                List.of(new Step("generic", "egress", "admin", "p", -1, "ambiguous", "two \"rules\"\n\tdisagree")));

        // when
        String decision = VerdictJson.decision(verdict);
        String explanation = VerdictJson.explanation(verdict);

        // then
        assertThat(decision).endsWith("""
                  "port": 53,
                  "allowed": false,
                  "ambiguous": true
                }""").doesNotContain("steps");
        assertThat(explanation).contains("\"reason\": \"two \\\"rules\\\"\\n\\u0009disagree\"");
    }
}
