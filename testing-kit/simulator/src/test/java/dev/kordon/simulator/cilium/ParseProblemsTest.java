package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParseProblemsTest {

    private static List<String> cnp(String spec) {
        return problems("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                %s""".formatted(spec.indent(2)));
    }

    @Test
    void reports_an_unknown_field_with_its_path() {
        // when
        List<String> problems = cnp("""
                endpointSelector: {}
                ingress:
                - fromEndpoint: [{}]
                """);
        // then
        assertThat(problems).containsExactly("""
                policies.yaml: CiliumNetworkPolicy shop/p: spec.ingress[0].fromEndpoint: is not a field of\
                 CiliumNetworkPolicy spec.ingress[0]
                  fix: remove it or fix its spelling; known fields: authentication, fromCIDR, fromCIDRSet,\
                 fromEndpoints, fromEntities, fromGroups, fromNodes, fromRequires, icmps, toPorts""");
    }

    @Test
    void reports_every_problem_of_a_policy_not_just_the_first() {
        // when
        List<String> problems = cnp("""
                endpointSelector: {}
                ingress:
                - fromEntities: [everything]
                  toPorts: [{ports: [{port: 80}]}]
                - fromCIDR: [10.0.0.1/8]
                """);
        // then
        assertThat(problems).containsExactly("""
                policies.yaml: CiliumNetworkPolicy shop/p: spec.ingress[0].fromEntities[0]: is not an entity Cilium\
                 supports: everything
                  fix: use one of all, world, world-ipv4, world-ipv6, cluster, host, remote-node, kube-apiserver,\
                 init, health, unmanaged, ingress, none""", """
                policies.yaml: CiliumNetworkPolicy shop/p: spec.ingress[0].toPorts[0].ports[0].port: is not a string:\
                 80
                  fix: quote it, e.g. "80\"""", """
                policies.yaml: CiliumNetworkPolicy shop/p: spec.ingress[1].fromCIDR[0]: is not a CIDR with no bits set\
                 after the prefix: 10.0.0.1/8
                  fix: write it like 10.0.0.0/8 or 2001:db8::/32""");
    }

    @Test
    void rejects_http_rules_on_a_port_without_protocol_tcp() {
        // when
        List<String> problems = cnp("""
                endpointSelector: {}
                ingress:
                - toPorts:
                  - ports: [{port: "80"}]
                    rules: {http: [{method: GET}]}
                """);
        // then
        assertThat(problems).containsExactly("""
                policies.yaml: CiliumNetworkPolicy shop/p: spec.ingress[0].toPorts[0].ports[0].protocol: is ANY, but\
                 HTTP rules apply only to TCP (an empty protocol is ANY)
                  fix: write protocol: TCP""");
    }

    @Test
    void rejects_two_peer_kinds_in_one_rule() {
        // when
        List<String> problems = cnp("""
                endpointSelector: {}
                egress:
                - toEndpoints: [{}]
                  toEntities: [world]
                """);
        // then
        assertThat(problems).containsExactly("""
                policies.yaml: CiliumNetworkPolicy shop/p: spec.egress[0]: combines toEndpoints and toEntities, which\
                 Cilium does not support
                  fix: write one rule per peer kind""");
    }

    @Test
    void rejects_a_rule_whose_only_section_is_empty() {
        // when
        List<String> problems = cnp("""
                endpointSelector: {}
                ingress: []
                """);
        // then
        assertThat(problems).containsExactly("""
                policies.yaml: CiliumNetworkPolicy shop/p: spec: has no rules: the agent rejects a rule without at\
                 least one non-empty ingress, ingressDeny, egress or egressDeny
                  fix: add rules; to deny all ingress write ingress: [{}]""");
    }

    @Test
    void rejects_dns_rules_on_ingress() {
        // when
        List<String> problems = cnp("""
                endpointSelector: {}
                ingress:
                - toPorts:
                  - ports: [{port: "53", protocol: UDP}]
                    rules: {dns: [{matchPattern: "*"}]}
                """);
        // then
        assertThat(problems).containsExactly("""
                policies.yaml: CiliumNetworkPolicy shop/p: spec.ingress[0].toPorts[0].rules.dns: is not allowed on\
                 ingress
                  fix: DNS rules go in egress rules towards DNS""");
    }

    @Test
    void says_which_fields_the_simulator_does_not_model() {
        // when
        List<String> problems = cnp("""
                endpointSelector: {}
                egress:
                - toServices: [{k8sService: {serviceName: db, namespace: shop}}]
                """);
        // then
        assertThat(problems).containsExactly("""
                policies.yaml: CiliumNetworkPolicy shop/p: spec.egress[0].toServices: is not supported by the\
                 simulator: Kubernetes Services (the cluster model has none)
                  fix: remove it to simulate the rest, knowing the verdicts then ignore it""");
    }

    @Test
    void reports_an_invalid_regex_in_an_http_rule() {
        // when
        List<String> problems = cnp("""
                endpointSelector: {}
                ingress:
                - toPorts:
                  - ports: [{port: "80", protocol: TCP}]
                    rules: {http: [{path: "/api/(v1"}]}
                """);
        // then
        assertThat(problems).singleElement().asString().startsWith("policies.yaml: CiliumNetworkPolicy shop/p:"
                + " spec.ingress[0].toPorts[0].rules.http[0].path: is not a valid regex: Unclosed group");
    }

    @Test
    void reports_a_network_policy_peer_that_mixes_an_ip_block_and_a_selector() {
        // when
        List<String> problems = problems("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np, namespace: shop}
                spec:
                  podSelector: {}
                  egress:
                  - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/8]}, podSelector: {}}]
                    ports: [{port: http, endPort: 90}]
                """);
        // then
        assertThat(problems).containsExactly("""
                policies.yaml: NetworkPolicy shop/np: spec.egress[0].to[0]: combines ipBlock with a selector
                  fix: write them as separate peers""", """
                policies.yaml: NetworkPolicy shop/np: spec.egress[0].ports[0].endPort: cannot be combined with the\
                 named port http
                  fix: use a numeric port, or remove endPort""");
    }

    @Test
    void reports_a_cluster_network_policy_as_not_supported_yet() {
        // when
        List<String> problems = problems("""
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: admin}
                spec: {tier: Admin, priority: 10, subject: {namespaces: {}}}
                """);
        // then
        assertThat(problems).containsExactly("""
                policies.yaml: ClusterNetworkPolicy admin: is not supported by the cilium engine of the simulator yet\
                 (Cilium 1.20 enforces it in its Admin and Baseline tiers with --enable-k8s-cluster-network-policy)
                  fix: remove it to simulate the other policies""");
    }
}
