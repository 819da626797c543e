package dev.kordon.simulator.generic;

import static dev.kordon.simulator.generic.TestCluster.flow;
import static dev.kordon.simulator.generic.TestCluster.lines;
import static dev.kordon.simulator.generic.TestCluster.simulator;
import static dev.kordon.simulator.generic.TestCluster.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import org.junit.jupiter.api.Test;

class NetworkPolicySemanticsTest {

    private static final String HEADER = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: x}
            """;

    private static Simulator policy(String spec) {
        return simulator(HEADER + spec);
    }

    @Test
    void enforces_nothing_when_no_policy_selects_the_pods() {
        // given
        Simulator simulator = policy("spec: {podSelector: {matchLabels: {app: nobody}}}\n");
        // when
        Verdict verdict = tcp(simulator, "x/a", "y/b", 80);
        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(lines(verdict)).containsExactly(
                "[generic egress networkpolicy] not isolated - no NetworkPolicy isolates x/a for egress",
                "[generic ingress networkpolicy] not isolated - no NetworkPolicy isolates y/b for ingress");
    }

    @Test
    void denies_ingress_from_a_namespace_the_policy_does_not_select() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Ingress]
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}
                """);
        // when
        Verdict fromZ = tcp(simulator, "z/c", "x/a", 80);
        Verdict fromY = tcp(simulator, "y/b", "x/a", 80);
        // then
        assertThat(fromZ.allowed()).isFalse();
        assertThat(lines(fromZ)).last().isEqualTo("[generic ingress networkpolicy] NetworkPolicy x/p: deny - x/a is"
                + " isolated for ingress by NetworkPolicy x/p, and no rule allows traffic from z/c on TCP/80; nearest:"
                + " NetworkPolicy x/p rule 0: peer 0 (namespaceSelector {kubernetes.io/metadata.name=y}): namespace z"
                + " does not match {kubernetes.io/metadata.name=y}: it has kubernetes.io/metadata.name=z (any port and"
                + " protocol would match)");
        assertThat(fromY.allowed()).isTrue();
        assertThat(lines(fromY)).last().isEqualTo("[generic ingress networkpolicy] NetworkPolicy x/p rule 0: allow -"
                + " peer 0 (namespaceSelector {kubernetes.io/metadata.name=y}) selects y/b, any port and protocol");
    }

    @Test
    void names_the_label_that_differs_in_the_nearest_miss() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: bb}}}]
                    ports: [{port: 80}]
                  - from: [{podSelector: {matchLabels: {app: b}}}]
                    ports: [{port: 81}]
                """);
        // when
        Verdict verdict = tcp(simulator, "x/b", "x/a", 80);
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(lines(verdict)).last().asString().endsWith("nearest: NetworkPolicy x/p rule 0: peer 0 (podSelector"
                + " {app=bb}): pod x/b does not match {app=bb}: it has app=b (port TCP/80 would match)");
    }

    @Test
    void an_egress_only_policy_without_policy_types_also_isolates_ingress() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  egress: [{}]
                """);
        // when
        Verdict verdict = tcp(simulator, "x/b", "x/a", 80);
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(lines(verdict)).last().isEqualTo("[generic ingress networkpolicy] NetworkPolicy x/p: deny - x/a is"
                + " isolated for ingress by NetworkPolicy x/p (policyTypes not written: defaulted to [Ingress, Egress],"
                + " since it has egress rules), and it has no ingress rules: traffic from x/b on TCP/80 is denied");
        assertThat(tcp(simulator, "x/a", "z/c", 80).allowed()).isTrue();
    }

    @Test
    void an_empty_egress_list_without_policy_types_does_not_isolate_egress() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  egress: []
                """);
        // when
        Verdict egress = tcp(simulator, "x/a", "z/c", 80);
        // then
        assertThat(egress.allowed()).isTrue();
        assertThat(lines(egress)).first().isEqualTo("[generic egress networkpolicy] not isolated - no NetworkPolicy"
                + " isolates x/a for egress (NetworkPolicy x/p selects it for ingress only)");
        assertThat(tcp(simulator, "z/c", "x/a", 80).allowed()).isFalse();
    }

    @Test
    void an_empty_rule_allows_everything_and_an_empty_list_nothing() {
        // given
        Simulator allowAll = policy("spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{}]}\n");
        Simulator denyAll = policy("spec: {podSelector: {}, policyTypes: [Ingress], ingress: []}\n");
        // then
        assertThat(tcp(allowAll, "z/c", "x/a", 1234).allowed()).isTrue();
        assertThat(allowAll.decide(flow("ip:8.8.8.8", "x/a", Transport.UDP, 53)).allowed()).isTrue();
        assertThat(tcp(denyAll, "z/c", "x/a", 1234).allowed()).isFalse();
    }

    @Test
    void a_pod_selector_peer_selects_pods_of_the_policy_namespace_only() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: b}}}]}]
                """);
        // then
        assertThat(tcp(simulator, "x/b", "x/a", 80).allowed()).isTrue();
        Verdict other = tcp(simulator, "y/b", "x/a", 80);
        assertThat(other.allowed()).isFalse();
        assertThat(lines(other)).last().asString().contains("peer 0 (podSelector {app=b}): y/b is not in the policy's"
                + " namespace x");
    }

    @Test
    void selectors_of_one_peer_are_anded_and_peers_are_ored() {
        // given
        Simulator anded = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  ingress: [{from: [{namespaceSelector: {matchLabels: {team: b}}, podSelector: {matchLabels: {app: b}}}]}]
                """);
        Simulator ored = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  ingress: [{from: [{namespaceSelector: {matchLabels: {team: b}}}, {podSelector: {matchLabels: {app: b}}}]}]
                """);
        // then
        assertThat(tcp(anded, "y/b", "x/a", 80).allowed()).isTrue();
        assertThat(tcp(anded, "y/a", "x/a", 80).allowed()).isFalse();
        assertThat(tcp(anded, "x/b", "x/a", 80).allowed()).isFalse();
        assertThat(tcp(ored, "y/a", "x/a", 80).allowed()).isTrue();
        assertThat(tcp(ored, "x/b", "x/a", 80).allowed()).isTrue();
        assertThat(tcp(ored, "z/c", "x/a", 80).allowed()).isFalse();
    }

    @Test
    void an_ip_block_matches_its_cidr_but_not_its_exceptions() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Egress]
                  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.3.0/24]}}]}]
                """);
        // when
        Verdict excepted = tcp(simulator, "x/a", "z/c", 80);
        // then
        assertThat(tcp(simulator, "x/a", "y/b", 80).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "ip:8.8.8.8", 80).allowed()).isFalse();
        assertThat(excepted.allowed()).isFalse();
        assertThat(lines(excepted)).first().asString().endsWith("peer 0 (ipBlock 10.0.0.0/16 except [10.0.3.0/24]):"
                + " z/c (10.0.3.1) is in 10.0.0.0/16 but excepted by 10.0.3.0/24 (any port and protocol would match)");
    }

    @Test
    void an_ip_block_selects_pods_unless_the_profile_says_it_does_not() {
        // given
        String yaml = HEADER + """
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Egress]
                  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
                """;
        EnforcementProfile noPods = new EnforcementProfile(EnforcementProfile.Cni.GENERIC,
                EnforcementProfile.Mesh.NONE, false, false);
        // then
        assertThat(tcp(simulator(yaml), "x/a", "y/b", 80).allowed()).isTrue();
        Verdict verdict = tcp(simulator(yaml, noPods), "x/a", "y/b", 80);
        assertThat(verdict.allowed()).isFalse();
        assertThat(lines(verdict)).first().asString().contains("y/b is a pod, and in this profile address peers never"
                + " select pods (ipBlockSelectsPods=false)");
        assertThat(tcp(simulator(yaml, noPods), "x/a", "ip:10.9.9.9", 80).allowed()).isTrue();
    }

    @Test
    void ports_match_numbers_ranges_and_protocols() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Ingress]
                  ingress:
                  - ports: [{port: 8000, endPort: 8080}, {protocol: UDP}, {protocol: SCTP, port: 9000}]
                """);
        // then
        assertThat(tcp(simulator, "y/b", "x/a", 8000).allowed()).isTrue();
        assertThat(tcp(simulator, "y/b", "x/a", 8080).allowed()).isTrue();
        assertThat(tcp(simulator, "y/b", "x/a", 8081).allowed()).isFalse();
        assertThat(simulator.decide(flow("y/b", "x/a", Transport.UDP, 12345)).allowed()).isTrue();
        assertThat(simulator.decide(flow("y/b", "x/a", Transport.SCTP, 9000)).allowed()).isTrue();
        assertThat(tcp(simulator, "y/b", "x/a", 9000).allowed()).isFalse();
        assertThat(lines(tcp(simulator, "y/b", "x/a", 9000))).last().asString().endsWith("every source (no from list),"
                + " but TCP/9000 is not in [TCP/8000-8080, UDP (any port), SCTP/9000]");
    }

    @Test
    void a_named_port_is_resolved_on_the_destination_pod() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Egress]
                  egress: [{ports: [{port: web}]}]
                """);
        // then: web is TCP/80 on y/b and TCP/8080 on y/a
        assertThat(tcp(simulator, "x/a", "y/b", 80).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "y/a", 8080).allowed()).isTrue();
        Verdict verdict = tcp(simulator, "x/a", "y/a", 80);
        assertThat(verdict.allowed()).isFalse();
        assertThat(lines(verdict)).first().asString().endsWith("every destination (no to list), but TCP/80 is not in"
                + " [named port web (TCP)] (named port web of y/a is TCP/8080)");
        assertThat(tcp(simulator, "x/a", "ip:8.8.8.8", 80).allowed()).isFalse();
    }

    @Test
    void a_named_port_does_not_match_a_destination_that_only_an_ip_block_selects() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Egress]
                  egress:
                  - to: [{ipBlock: {cidr: 10.0.0.0/8}}, {podSelector: {matchLabels: {app: b}}}]
                    ports: [{port: web}]
                """);
        // when
        Verdict verdict = tcp(simulator, "x/a", "y/b", 80);
        // then
        assertThat(tcp(simulator, "x/a", "x/b", 80).allowed()).isTrue();
        assertThat(verdict.allowed()).isFalse();
        assertThat(lines(verdict)).first().asString().endsWith("peer 0 (ipBlock 10.0.0.0/8) contains y/b (10.0.2.2),"
                + " but TCP/80 is not in [named port web (TCP)] (named port web cannot be resolved: the destination"
                + " matched only an address peer, which has no named ports)");
    }

    @Test
    void a_named_port_does_not_match_a_host_network_destination_whose_ports_are_the_nodes() {
        // given: egress of y/a to every destination on the named port web (x/h declares web as TCP/9000; y/a is on
        // node n2, so x/h on n1 is not its own node)
        Simulator simulator = simulator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: y}
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Egress]
                  egress: [{ports: [{port: web}]}]
                """);
        // when
        Verdict verdict = tcp(simulator, "y/a", "x/h", 9000);
        // then
        assertThat(tcp(simulator, "y/a", "x/a", 80).allowed()).isTrue();
        assertThat(verdict.allowed()).isFalse();
        assertThat(lines(verdict)).first().asString().endsWith("every destination (no to list), but TCP/9000 is not"
                + " in [named port web (TCP)] (named port web cannot be resolved: the destination x/h uses the host"
                + " network, whose ports are the node's)");
    }

    @Test
    void sctp_is_not_tcp() {
        // given
        Simulator simulator = policy("""
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                  ingress: [{ports: [{port: 81, protocol: SCTP}]}]
                """);
        // then
        assertThat(tcp(simulator, "y/b", "x/a", 81).allowed()).isFalse();
        assertThat(simulator.decide(flow("y/b", "x/a", Transport.SCTP, 81)).allowed()).isTrue();
    }

    @Test
    void isolation_denies_icmp_unless_a_rule_names_no_ports() {
        // given
        Simulator ports = policy("spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{ports: [{protocol:"
                + " TCP}]}]}\n");
        Simulator anything = policy("spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{from: [{podSelector:"
                + " {}}]}]}\n");
        // then
        assertThat(ports.decide(flow("x/b", "x/a", Transport.ICMP, 8)).allowed()).isFalse();
        assertThat(anything.decide(flow("x/b", "x/a", Transport.ICMP, 8)).allowed()).isTrue();
    }

    @Test
    void the_rules_of_every_policy_that_selects_the_pod_add_up() {
        // given
        Simulator simulator = simulator(HEADER + """
                spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{ports: [{port: 80}]}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: q, namespace: x}
                spec: {podSelector: {matchLabels: {app: a}}, ingress: [{ports: [{port: 81}]}]}
                """);
        // then
        assertThat(tcp(simulator, "y/b", "x/a", 80).allowed()).isTrue();
        assertThat(tcp(simulator, "y/b", "x/a", 81).allowed()).isTrue();
        assertThat(tcp(simulator, "y/b", "x/b", 81).allowed()).isFalse();
        assertThat(lines(tcp(simulator, "y/b", "x/a", 82))).last().asString().contains("x/a is isolated for ingress by"
                + " NetworkPolicy x/p, NetworkPolicy x/q (policyTypes not written: defaulted to [Ingress]), and no rule"
                + " allows traffic from y/b on TCP/82");
    }

    @Test
    void traffic_between_a_pod_and_its_own_node_is_always_allowed() {
        // given
        Simulator simulator = policy("spec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n");
        // when
        Verdict fromNode = tcp(simulator, "node:n1", "x/a", 80);
        // then
        assertThat(fromNode.allowed()).isTrue();
        assertThat(lines(fromNode)).last().isEqualTo("[generic ingress networkpolicy] allow - traffic from the pod's"
                + " own node n1 (172.18.0.2) is always allowed, even though NetworkPolicy x/p isolates x/a");
        assertThat(tcp(simulator, "x/a", "node:n1", 10250).allowed()).isTrue();
        assertThat(tcp(simulator, "node:n2", "x/a", 80).allowed()).isFalse();
        assertThat(tcp(simulator, "x/a", "node:n2", 10250).allowed()).isFalse();
    }

    @Test
    void host_network_pods_are_node_traffic_that_pod_selectors_do_not_select() {
        // given
        Simulator simulator = simulator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-all-pods, namespace: y}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                  ingress: [{from: [{namespaceSelector: {}}]}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: x}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                """);
        // when
        Verdict toHostPod = tcp(simulator, "y/b", "x/h", 9000);
        Verdict fromHostPod = tcp(simulator, "x/h", "y/b", 80);
        // then
        assertThat(toHostPod.allowed()).isTrue();
        assertThat(lines(toHostPod)).last().isEqualTo("[generic ingress] not enforced - x/h uses the host network:"
                + " its traffic is node traffic, which neither NetworkPolicy nor cluster-wide policies select as a"
                + " subject");
        assertThat(fromHostPod.allowed()).isFalse();
        assertThat(lines(fromHostPod)).last().asString().endsWith("peer 0 (namespaceSelector {}): x/h uses the host"
                + " network: its traffic is node traffic, which pod and namespace selectors never select (any port and"
                + " protocol would match)");
        assertThat(tcp(simulator, "x/h", "x/b", 80).allowed()).as("x/h shares the node n1 of x/b").isTrue();
    }

    @Test
    void a_pod_never_blocks_its_own_traffic() {
        // given
        Simulator simulator = policy("spec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n");
        // then
        assertThat(tcp(simulator, "x/a", "x/a", 80).allowed()).isTrue();
    }
}
