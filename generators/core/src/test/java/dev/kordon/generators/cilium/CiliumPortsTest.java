package dev.kordon.generators.cilium;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cilium.CiliumTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Fixtures;
import dev.kordon.generators.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports, ranges, named ports, whole protocols and any traffic, with and without HTTP rules. */
class CiliumPortsTest {

    private static final Workload WEB = workload("shop", "web", labels("app", "web")).withPort("metrics", tcp(9100));
    private static final Workload DB = workload("shop", "db", labels("app", "db"));

    @Test
    void every_kind_of_port_has_an_explicit_protocol() {
        // given one intent with a port, a range, a named port, every UDP port and an SCTP port
        PolicySet set = policySet("x").intents(WEB.accepts(DB)
                .on(tcp(5432), tcpRange(6000, 6100), tcp("metrics"), allUdpPorts(), sctp(3868))).build();
        // then each is one Cilium port; every UDP port is port 0
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: web}}
                ingress:
                - fromEndpoints: [{matchLabels: {app: db}}]
                  toPorts:
                  - ports:
                    - {port: "3868", protocol: SCTP}
                    - {port: "5432", protocol: TCP}
                    - {port: "6000", endPort: 6100, protocol: TCP}
                    - {port: metrics, protocol: TCP}
                    - {port: "0", protocol: UDP}
                """);
    }

    @Test
    void any_traffic_is_a_rule_without_ports() {
        PolicySet set = policySet("x").intents(WEB.accepts(DB).on(anyTraffic(), tcp(80))).build();
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: web}}
                ingress: [{fromEndpoints: [{matchLabels: {app: db}}]}]
                """);
    }

    @Test
    void http_rules_on_every_tcp_port_use_the_range_1_to_65535_since_cilium_refuses_l7_on_port_0() {
        // when the article's Calico example (GET /api/v1/users on every TCP port) is generated for cilium
        Resource policy = single(cilium(Fixtures.seedApiGateway()));
        // then every TCP port carries the HTTP rule
        assertSpec(policy, """
                endpointSelector: {matchLabels: {app: api-gateway}}
                ingress:
                - fromEndpoints: [{matchLabels: {app: frontend}}]
                  toPorts:
                  - ports: [{port: "1", endPort: 65535, protocol: TCP}]
                    rules: {http: [{path: "/api/v1/users(\\\\?.*)?", method: GET}]}
                """);
    }

    @Test
    void more_than_forty_ports_are_split_into_several_port_rules() {
        // given 41 ports, one more than Cilium accepts in one toPorts entry
        List<PortMatch> ports = new ArrayList<>();
        for (int port = 1001; port <= 1041; port++) {
            ports.add(tcp(port));
        }
        PolicySet set = policySet("x").intents(WEB.accepts(DB).on(ports.get(0),
                ports.subList(1, ports.size()).toArray(PortMatch[]::new))).build();
        // then the rule has two entries with 40 and 1 ports
        Resource policy = single(cilium(set));
        CiliumPolicy body = (CiliumPolicy) policy.body();
        assertThat(body.spec().ingress().get(0).toPorts()).extracting(rule -> rule.ports().size())
                .containsExactly(40, 1);
    }
}
