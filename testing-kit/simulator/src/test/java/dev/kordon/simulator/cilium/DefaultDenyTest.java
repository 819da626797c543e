package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.last;
import static dev.kordon.simulator.cilium.CiliumFixture.ping;
import static dev.kordon.simulator.cilium.CiliumFixture.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import org.junit.jupiter.api.Test;

class DefaultDenyTest {

    @Test
    void allows_everything_when_no_policy_selects_the_pods() {
        // given
        Simulator simulator = simulator("");
        // when
        Verdict verdict = decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080);
        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(last(verdict, "ingress")).isEqualTo("no policy selects shop/web for ingress: not enforced, allowed");
    }

    @Test
    void an_empty_ingress_rule_denies_all_ingress() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: deny, namespace: shop}
                spec:
                  endpointSelector: {}
                  ingress:
                  - {}
                """);
        // when
        Verdict verdict = decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080);
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(last(verdict, "ingress")).endsWith("no selecting rule allows anything (only deny rules, or rules"
                + " without peers and ports)");
    }

    @Test
    void selecting_a_pod_for_ingress_leaves_its_egress_alone() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: deny, namespace: shop}
                spec:
                  endpointSelector: {}
                  ingress:
                  - {}
                """);
        // when
        Verdict verdict = decide(simulator, "shop/web", "ip:1.1.1.1", Transport.TCP, 443);
        // then
        assertThat(verdict.allowed()).isTrue();
    }

    @Test
    void a_rule_with_only_deny_sections_still_turns_on_default_deny() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: deny-world, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingressDeny:
                  - fromEntities: [world]
                """);
        // when
        Verdict verdict = decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080);
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(last(verdict, "ingress")).startsWith("default deny: shop/web is in ingress default deny");
    }

    @Test
    void enable_default_deny_false_keeps_unmatched_traffic_allowed() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: deny-world, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  enableDefaultDeny: {ingress: false}
                  ingressDeny:
                  - fromEntities: [world]
                """);
        // when
        Verdict fromPod = decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080);
        Verdict fromWorld = decide(simulator, "ip:1.1.1.1", "shop/web", Transport.TCP, 8080);
        // then
        assertThat(fromPod.allowed()).isTrue();
        assertThat(last(fromPod, "ingress")).isEqualTo("no rule matches TCP/8080 from shop/client, and every"
                + " selecting rule sets enableDefaultDeny.ingress: false, so shop/web is not in ingress default"
                + " deny: allowed");
        assertThat(fromWorld.allowed()).isFalse();
    }

    @Test
    void one_policy_without_the_flag_puts_the_pod_in_default_deny_even_if_another_disables_it() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: allow-dns}
                spec:
                  endpointSelector: {}
                  enableDefaultDeny: {egress: false}
                  egress:
                  - toEntities: [all]
                    toPorts: [{ports: [{port: "53"}]}]
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: only-web, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: client}}
                  egress:
                  - toEndpoints: [{matchLabels: {app: web}}]
                """);
        // when
        Verdict toWorld = decide(simulator, "shop/client", "ip:1.1.1.1", Transport.TCP, 443);
        Verdict dns = decide(simulator, "shop/client", "ip:1.1.1.1", Transport.UDP, 53);
        Verdict otherPod = decide(simulator, "shop/web", "ip:1.1.1.1", Transport.TCP, 443);
        // then
        assertThat(toWorld.allowed()).isFalse();
        assertThat(dns.allowed()).isTrue();
        assertThat(otherPod.allowed()).isTrue();
    }

    @Test
    void default_deny_covers_icmp_too() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: web-8080, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingress:
                  - fromEndpoints: [{matchLabels: {app: client}}]
                    toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
                """);
        // when
        Verdict verdict = ping(simulator, "shop/client", "shop/web");
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(last(verdict, "ingress")).endsWith("port differs (ICMP type 8 is not among its ports"
                + " (TCP/8080))");
    }

    @Test
    void host_network_pods_and_nodes_enforce_nothing() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: deny-all}
                spec:
                  endpointSelector: {}
                  ingress: [{}]
                  egress: [{}]
                """);
        // when
        Verdict fromHost = decide(simulator, "kube-system/host-n1", "ip:10.0.0.2", Transport.TCP, 22);
        // then
        assertThat(fromHost.allowed()).isTrue();
        assertThat(last(fromHost, "egress")).isEqualTo("kube-system/host-n1 uses the host network, so it is no"
                + " Cilium endpoint: nothing enforces policy there (host firewall off)");
        assertThat(last(fromHost, "ingress")).isEqualTo("node:n2 is a node: nothing enforces policy there (host"
                + " firewall off)");
    }
}
