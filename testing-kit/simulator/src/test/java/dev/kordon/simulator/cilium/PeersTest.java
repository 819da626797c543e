package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.last;
import static dev.kordon.simulator.cilium.CiliumFixture.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import org.junit.jupiter.api.Test;

class PeersTest {

    private static Simulator ingressFrom(String kind, String peers) {
        return simulator("""
                apiVersion: cilium.io/v2
                kind: %s
                metadata: {name: p, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingress:
                  - %s
                """.formatted(kind, peers));
    }

    @Test
    void a_cnp_peer_without_a_namespace_selects_only_the_policy_namespace() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy", "fromEndpoints: [{matchLabels: {app: client}}]");
        // then
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void explains_the_injected_namespace_when_a_peer_of_another_namespace_is_denied() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy", "fromEndpoints: [{matchLabels: {app: client}}]");
        // when
        String reason = last(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080), "ingress");
        // then
        assertThat(reason).contains("peer differs (fromEndpoints[0] requires k8s:io.kubernetes.pod.namespace=shop"
                + " (added by Cilium: a CiliumNetworkPolicy peer without a namespace selects its own namespace),"
                + " other/client has k8s:io.kubernetes.pod.namespace=other)");
    }

    @Test
    void a_ccnp_peer_without_a_namespace_selects_pods_of_every_namespace_but_no_host() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: p}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingress:
                  - fromEndpoints: [{}]
                """);
        // then
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "kube-system/host-n1", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "ip:10.0.0.2", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
        assertThat(decide(simulator, "ip:1.1.1.1", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void selects_another_namespace_by_its_name_label() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy",
                "fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: other}}]");
        // then
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void a_namespace_label_selector_in_a_cnp_is_not_confined_to_the_policy_namespace() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy",
                "fromEndpoints: [{matchLabels: {io.cilium.k8s.namespace.labels.team: other}}]");
        // then
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
    }

    @Test
    void selects_pods_by_service_account() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy",
                "fromEndpoints: [{matchLabels: {io.cilium.k8s.policy.serviceaccount: far}}]");
        // then
        assertThat(decide(simulator, "shop/far", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void a_k8s_source_key_does_not_match_reserved_labels() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy", "fromEndpoints: [{matchLabels: {reserved:world: ''}}]");
        // then
        assertThat(decide(simulator, "ip:1.1.1.1", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void an_empty_peer_list_selects_nothing() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy", """
                fromEndpoints: []
                    toPorts: [{ports: [{port: "8080", protocol: TCP}]}]""");
        // when
        String reason = last(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080), "ingress");
        // then
        assertThat(reason).endsWith("no selecting rule allows anything (only deny rules, or rules without peers and"
                + " ports)");
    }

    @Test
    void ports_without_peers_open_the_ports_to_everyone_the_world_included() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy", "toPorts: [{ports: [{port: \"8080\", protocol: TCP}]}]");
        // then
        assertThat(decide(simulator, "ip:1.1.1.1", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 9090).allowed()).isFalse();
    }

    @Test
    void the_cluster_entity_matches_pods_and_nodes_but_not_the_world() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy", "fromEntities: [cluster]");
        // then
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "ip:10.0.0.2", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "ip:1.1.1.1", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void the_world_entity_matches_only_addresses_outside_the_cluster() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy", "fromEntities: [world]");
        // then
        assertThat(decide(simulator, "ip:1.1.1.1", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
        assertThat(decide(simulator, "ip:10.0.0.2", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }

    @Test
    void traffic_from_the_local_node_is_allowed_under_default_deny_but_not_from_a_remote_node() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy", "{}");
        // when
        String local = last(decide(simulator, "kube-system/host-n1", "shop/web", Transport.TCP, 8080), "ingress");
        boolean remote = decide(simulator, "ip:10.0.0.2", "shop/web", Transport.TCP, 8080).allowed();
        // then
        assertThat(local).isEqualTo("traffic from the local node (host+kube-apiserver (kube-system/host-n1 (host"
                + " network))) is always allowed into its endpoints (allow-localhost)");
        assertThat(remote).isFalse();
    }

    @Test
    void egress_to_the_own_node_needs_a_rule() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: client}}
                  egress:
                  - toEntities: [host]
                """);
        // then
        assertThat(decide(simulator, "shop/client", "ip:10.0.0.1", Transport.TCP, 10250).allowed()).isTrue();
        assertThat(decide(simulator, "shop/far", "ip:10.0.0.1", Transport.TCP, 10250).allowed()).isFalse();
        assertThat(decide(simulator, "shop/far", "ip:10.0.0.2", Transport.TCP, 10250).allowed()).isTrue();
    }

    @Test
    void the_kube_apiserver_entity_matches_the_nodes_that_run_it() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: client}}
                  egress:
                  - toEntities: [kube-apiserver]
                """);
        // then
        assertThat(decide(simulator, "shop/far", "ip:10.0.0.1", Transport.TCP, 6443).allowed()).isTrue();
        assertThat(decide(simulator, "shop/far", "ip:10.0.0.2", Transport.TCP, 6443).allowed()).isFalse();
    }

    @Test
    void names_every_entity_of_a_rule_that_does_not_match() {
        // given
        Simulator simulator = ingressFrom("CiliumNetworkPolicy", "fromEntities: [host, remote-node]");
        // when
        String reason = last(decide(simulator, "ip:1.1.1.1", "shop/web", Transport.TCP, 8080), "ingress");
        // then
        assertThat(reason).endsWith("peer differs (fromEntities (host, remote-node) do not match world (1.1.1.1)),"
                + " port matches (every port and protocol)");
    }
}
