package dev.kordon.simulator.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.input.InputProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalicoParseProblemsTest {

    private static CalicoWorld world() {
        return CalicoWorld.create().namespace("shop").pod("shop/web", "10.0.0.1", "app=web");
    }

    private static List<String> problems(String yaml) {
        return world().problems(yaml).stream().map(InputProblem::toString).toList();
    }

    @Test
    void reports_every_problem_of_a_calico_policy_with_field_and_fix() {
        // when
        List<String> problems = problems("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: bad, namespace: shop}
                spec:
                  selector: app = 'web'
                  tier: missing
                  ingres: []
                  ingress:
                  - action: allow
                  - action: Allow
                    destination: {ports: [80]}
                  - action: Deny
                    source: {nets: [10.0.0.0/33], ports: [1234]}
                  egress:
                  - action: Allow
                    http: {methods: [GET]}
                """);

        // then
        assertThat(problems).containsExactly(
                "policies.yaml: NetworkPolicy shop/bad: spec.ingres: is not a field of NetworkPolicy spec\n  fix:"
                        + " remove it or fix its spelling; known fields: egress, ingress, order, performanceHints,"
                        + " selector, serviceAccountSelector, tier, types",
                "policies.yaml: NetworkPolicy shop/bad: spec.selector: invalid selector 'app = 'web'': expected =="
                        + " at position 4\n  fix: write a Calico selector, e.g. app == 'web' && has(tier)",
                "policies.yaml: NetworkPolicy shop/bad: spec.ingress[0].action: is not a Calico action: 'allow'\n"
                        + "  fix: use Allow, Deny, Log or Pass",
                "policies.yaml: NetworkPolicy shop/bad: spec.ingress[1].protocol: is missing, but the rule has"
                        + " numeric ports\n  fix: set protocol TCP, UDP or SCTP for a rule with ports",
                "policies.yaml: NetworkPolicy shop/bad: spec.ingress[2].source.nets[0]: is not a CIDR or IP address:"
                        + " '10.0.0.0/33'\n  fix: write e.g. 10.0.0.0/16 or 10.0.0.1",
                "policies.yaml: NetworkPolicy shop/bad: spec.ingress[2].source.ports: is not supported by the"
                        + " simulator: source ports match the client's (ephemeral) port, and simulated flows carry"
                        + " none\n  fix: remove the source port constraint",
                "policies.yaml: NetworkPolicy shop/bad: spec.egress[0].http: is not allowed in an egress rule (Calico"
                        + " rejects it; Application Layer Policy checks requests only at their destination)\n  fix:"
                        + " move the HTTP match to an ingress rule of the destination's policy");
    }

    @Test
    void reports_a_tier_that_does_not_exist() {
        // when
        List<String> problems = problems("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: p}
                spec: {tier: security, selector: all()}
                """);

        // then
        assertThat(problems).containsExactly("policies.yaml: GlobalNetworkPolicy p: spec.tier: names a tier that"
                + " does not exist: 'security'\n  fix: create the Tier, or use one of kube-admin, default,"
                + " kube-baseline");
    }

    @Test
    void reports_invalid_kubernetes_network_policy_fields() {
        // when
        List<String> problems = problems("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{}, {ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}, podSelector: {}}]
                    ports: [{port: 80, endPort: 79}, {protocol: ICMP}, {port: Web_Port}]
                """);

        // then
        assertThat(problems).containsExactly(
                "policies.yaml: NetworkPolicy shop/np: spec.ingress[0].from[0]: sets no field\n  fix: set"
                        + " podSelector, namespaceSelector or ipBlock (an empty peer is rejected by the API server)",
                "policies.yaml: NetworkPolicy shop/np: spec.ingress[0].from[1]: combines ipBlock with a selector\n"
                        + "  fix: put the ipBlock in a peer of its own",
                "policies.yaml: NetworkPolicy shop/np: spec.ingress[0].ports[0].endPort: is below port 80: 79\n"
                        + "  fix: set endPort >= port",
                "policies.yaml: NetworkPolicy shop/np: spec.ingress[0].ports[1].protocol: is not TCP, UDP or SCTP:"
                        + " 'ICMP'\n  fix: use TCP, UDP or SCTP",
                "policies.yaml: NetworkPolicy shop/np: spec.ingress[0].ports[2].port: is not a valid port name"
                        + " (IANA_SVC_NAME): 'Web_Port'\n  fix: use 1-15 lowercase letters, digits and single dashes,"
                        + " with at least one letter");
    }

    @Test
    void reports_cluster_network_policy_values_outside_the_crd() {
        // when
        List<String> problems = problems("""
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: cnp}
                spec:
                  tier: Admin
                  priority: 1001
                  subject: {namespaces: {}}
                  ingress:
                  - action: Allow
                    from: [{namespaces: {}}]
                    protocols: [{tcp: {}}]
                """);

        // then
        assertThat(problems).containsExactly(
                "policies.yaml: ClusterNetworkPolicy cnp: spec.priority: is not an integer in 0..1000: 1001\n  fix:"
                        + " write an integer in 0..1000",
                "policies.yaml: ClusterNetworkPolicy cnp: spec.ingress[0].action: is not Accept, Deny or Pass:"
                        + " 'Allow'\n  fix: use Accept, Deny or Pass (v1alpha2 renamed Allow to Accept)",
                "policies.yaml: ClusterNetworkPolicy cnp: spec.ingress[0].protocols[0].tcp.destinationPort: must set"
                        + " exactly one of number and range\n  fix: write destinationPort: {number: 80} or {range:"
                        + " {start: 8000, end: 9000}}");
    }

    @Test
    void refuses_host_endpoints_and_services_which_are_not_modelled() {
        // when
        List<String> problems = problems("""
                apiVersion: projectcalico.org/v3
                kind: HostEndpoint
                metadata: {name: node-1-eth0}
                spec: {node: node-1, interfaceName: eth0}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: to-service}
                spec:
                  egress: [{action: Allow, destination: {services: {name: db, namespace: shop}}}]
                """);

        // then
        assertThat(problems).containsExactly(
                "policies.yaml: HostEndpoint node-1-eth0: is not supported by the simulator's calico engine: host"
                        + " endpoints and the policy applied to host traffic are not modelled\n  fix: remove it;"
                        + " policies still apply to pods",
                "policies.yaml: GlobalNetworkPolicy to-service: spec.egress[0].destination.services: is not"
                        + " supported by the simulator: it has no model of Kubernetes Services and their endpoints\n"
                        + "  fix: select the Service's pods with selector and ports instead");
    }

    @Test
    void a_rule_that_is_not_a_map_is_a_problem_not_an_allow_all() {
        // when
        List<String> problems = problems("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np, namespace: shop}
                spec: {podSelector: {}, ingress: [allow-everything]}
                """);

        // then
        assertThat(problems).containsExactly("policies.yaml: NetworkPolicy shop/np: spec.ingress[0]: is not a map:"
                + " \"allow-everything\"\n  fix: write it as a YAML map with the fields from, ports");
    }
}
