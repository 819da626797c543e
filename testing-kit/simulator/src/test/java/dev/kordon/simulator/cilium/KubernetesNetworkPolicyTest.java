package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.last;
import static dev.kordon.simulator.cilium.CiliumFixture.ping;
import static dev.kordon.simulator.cilium.CiliumFixture.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import org.junit.jupiter.api.Test;

class KubernetesNetworkPolicyTest {

    @Test
    void an_ip_block_covering_pod_addresses_does_not_select_pods() {
        // given
        Simulator simulator = simulator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.0.0.0/8}}]
                """);
        // then
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
        assertThat(decide(simulator, "ip:10.9.9.9", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
    }

    @Test
    void an_empty_from_matches_every_source_the_world_included() {
        // given
        Simulator simulator = simulator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - ports: [{port: 8080}]
                """);
        // then
        assertThat(decide(simulator, "ip:1.1.1.1", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "other/client", "shop/web", Transport.UDP, 8080).allowed()).isFalse();
    }

    @Test
    void a_namespace_selector_matches_namespace_labels() {
        // given
        Simulator simulator = simulator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {team: other}}, podSelector: {matchLabels: {app: client}}}]
                """);
        // then
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void an_egress_policy_without_egress_rules_denies_all_egress_even_to_the_own_node() {
        // given
        Simulator simulator = simulator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                """);
        // when
        String reason = last(decide(simulator, "shop/client", "ip:10.0.0.1", Transport.TCP, 10250), "egress");
        // then
        assertThat(reason).endsWith("no selecting rule allows anything (only deny rules, or rules without peers and"
                + " ports: no egress rules with Egress in policyTypes: Cilium adds an empty egress rule, which allows"
                + " nothing)");
        assertThat(decide(simulator, "shop/client", "other/client", Transport.TCP, 80).steps())
                .anyMatch(step -> step.direction().equals("ingress") && step.outcome().equals("allow"));
    }

    @Test
    void a_policy_written_without_policy_types_isolates_ingress() {
        // given
        Simulator simulator = simulator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  egress:
                  - to: [{podSelector: {}}]
                """);
        // then
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
        assertThat(decide(simulator, "shop/web", "shop/client", Transport.TCP, 80).allowed()).isTrue();
        assertThat(decide(simulator, "shop/web", "other/client", Transport.TCP, 80).allowed()).isFalse();
    }

    @Test
    void a_deny_all_policy_drops_icmp_as_well() {
        // given
        Simulator simulator = simulator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """);
        // then
        assertThat(ping(simulator, "shop/client", "shop/web").allowed()).isFalse();
    }

    @Test
    void a_cilium_deny_overrides_a_network_policy_allow() {
        // given
        Simulator simulator = simulator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: [{}]
                ---
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: deny}
                spec:
                  endpointSelector: {}
                  ingressDeny:
                  - fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: other}}]
                """);
        // then
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
    }
}
