package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.last;
import static dev.kordon.simulator.cilium.CiliumFixture.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import org.junit.jupiter.api.Test;

class DenyTest {

    private static final String ALLOW_ALL = """
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: allow-all}
            spec:
              endpointSelector: {}
              ingress:
              - fromEntities: [all]
            ---
            """;

    @Test
    void a_deny_rule_wins_over_every_allow() {
        // given
        Simulator simulator = simulator(ALLOW_ALL + """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: no-clients, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingressDeny:
                  - fromEndpoints: [{matchLabels: {app: client}}]
                """);
        // when
        Verdict verdict = decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080);
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(last(verdict, "ingress")).isEqualTo("spec.ingressDeny[0] matches: fromEndpoints[0] {app=client,"
                + " k8s:io.kubernetes.pod.namespace=shop (added by Cilium)} matches shop/client; every port and"
                + " protocol: a deny rule takes precedence over every allow rule");
    }

    @Test
    void a_deny_rule_with_ports_denies_only_those_ports() {
        // given
        Simulator simulator = simulator(ALLOW_ALL + """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: no-8080, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingressDeny:
                  - toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
                """);
        // then
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 9090).allowed()).isTrue();
    }

    @Test
    void a_deny_rule_also_applies_to_traffic_from_the_local_node() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: no-host, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingressDeny:
                  - fromEntities: [host]
                """);
        // then
        assertThat(decide(simulator, "kube-system/host-n1", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void an_egress_deny_on_a_cidr_spares_its_exceptions() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  endpointSelector: {}
                  egress:
                  - toEntities: [world]
                  egressDeny:
                  - toCIDRSet: [{cidr: 1.0.0.0/8, except: [1.1.1.1/32]}]
                """);
        // then
        assertThat(decide(simulator, "shop/client", "ip:1.0.0.1", Transport.TCP, 443).allowed()).isFalse();
        assertThat(decide(simulator, "shop/client", "ip:1.1.1.1", Transport.TCP, 443).allowed()).isTrue();
    }
}
