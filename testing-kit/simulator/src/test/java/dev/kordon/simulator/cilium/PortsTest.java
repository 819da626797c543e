package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.last;
import static dev.kordon.simulator.cilium.CiliumFixture.ping;
import static dev.kordon.simulator.cilium.CiliumFixture.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import org.junit.jupiter.api.Test;

class PortsTest {

    private static Simulator webIngress(String rule) {
        return simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingress:
                  - fromEndpoints: [{matchLabels: {app: client}}]
                    %s
                """.formatted(rule));
    }

    @Test
    void protocol_any_covers_tcp_udp_and_sctp_but_not_icmp() {
        // given
        Simulator simulator = webIngress("toPorts: [{ports: [{port: \"53\"}]}]");
        // then
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 53).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.UDP, 53).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.SCTP, 53).allowed()).isTrue();
        assertThat(ping(simulator, "shop/client", "shop/web").allowed()).isFalse();
    }

    @Test
    void port_zero_means_every_port_of_the_protocol() {
        // given
        Simulator simulator = webIngress("toPorts: [{ports: [{port: \"0\", protocol: UDP}]}]");
        // then
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.UDP, 9999).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 9999).allowed()).isFalse();
    }

    @Test
    void end_port_makes_an_inclusive_range() {
        // given
        Simulator simulator = webIngress("toPorts: [{ports: [{port: \"8000\", endPort: 8080, protocol: TCP}]}]");
        // then
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8081).allowed()).isFalse();
    }

    @Test
    void a_named_port_resolves_on_the_destination_pod() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: client}}
                  egress:
                  - toEndpoints: [{}]
                    toPorts: [{ports: [{port: http, protocol: TCP}]}]
                """);
        // when
        boolean toWeb = decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed();
        String toFar = last(decide(simulator, "shop/client", "shop/far", Transport.TCP, 8080), "egress");
        // then
        assertThat(toWeb).isTrue();
        assertThat(toFar).endsWith("port differs (TCP/8080 is not among its ports (TCP/http); shop/far declares no"
                + " TCP port named http)");
    }

    @Test
    void icmp_rules_match_the_type_by_number_or_name() {
        // given
        Simulator byName = webIngress("icmps: [{fields: [{type: EchoRequest}]}]");
        Simulator byNumber = webIngress("icmps: [{fields: [{family: IPv4, type: 0}]}]");
        // then
        assertThat(ping(byName, "shop/client", "shop/web").allowed()).isTrue();
        assertThat(ping(byNumber, "shop/client", "shop/web").allowed()).isFalse();
        assertThat(decide(byName, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void an_ipv6_icmp_rule_does_not_match_ipv4_icmp() {
        // given
        Simulator simulator = webIngress("icmps: [{fields: [{family: IPv6, type: EchoRequest}]}]");
        // when
        boolean v4 = ping(simulator, "shop/client", "shop/web").allowed();
        boolean v6 = simulator.decide(Flow.icmp(CiliumFixture.endpoint("shop/client"),
                CiliumFixture.endpoint("shop/web"), Transport.ICMPV6, 128)).allowed();
        // then
        assertThat(v4).isFalse();
        assertThat(v6).isTrue();
    }
}
