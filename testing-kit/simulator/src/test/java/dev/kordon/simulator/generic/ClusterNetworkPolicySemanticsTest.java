package dev.kordon.simulator.generic;

import static dev.kordon.simulator.generic.TestCluster.flow;
import static dev.kordon.simulator.generic.TestCluster.lines;
import static dev.kordon.simulator.generic.TestCluster.simulator;
import static dev.kordon.simulator.generic.TestCluster.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import org.junit.jupiter.api.Test;

class ClusterNetworkPolicySemanticsTest {

    private static String cnp(String name, String tier, int priority, String rest) {
        return """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: %s}
                spec:
                  tier: %s
                  priority: %d
                %s---
                """.formatted(name, tier, priority, rest.indent(2));
    }

    private static final String ALLOW_Y_INTO_X = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-y, namespace: x}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
              ingress: [{from: [{namespaceSelector: {matchLabels: {team: b}}}]}]
            ---
            """;

    private static final String X_SUBJECT = "subject: {namespaces: {matchLabels: {team: a}}}\n";

    @Test
    void an_admin_deny_overrides_a_network_policy_that_allows() {
        // given
        Simulator simulator = simulator(ALLOW_Y_INTO_X + cnp("deny-y", "Admin", 10, X_SUBJECT + """
                ingress:
                - {name: deny-from-y, action: Deny, from: [{namespaces: {matchLabels: {team: b}}}]}
                """));
        // when
        Verdict verdict = tcp(simulator, "y/b", "x/a", 80);
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(lines(verdict)).last().isEqualTo("[generic ingress admin] ClusterNetworkPolicy deny-y rule 0: deny"
                + " - 'deny-from-y' (Deny) matches: peer 0 (namespaces {team=b}) selects y/b, any port and protocol");
    }

    @Test
    void an_admin_accept_skips_the_network_policy_tier_of_its_own_direction_only() {
        // given
        Simulator simulator = simulator(ALLOW_Y_INTO_X + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: x}
                spec: {podSelector: {}, policyTypes: [Egress]}
                ---
                """ + cnp("accept-z", "Admin", 10, X_SUBJECT + """
                egress:
                - {name: to-z, action: Accept, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: z}}}]}
                ingress:
                - {name: from-z, action: Accept, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: z}}}]}
                """) + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-ingress, namespace: z}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                """);
        // when
        Verdict toZ = tcp(simulator, "x/a", "z/c", 80);
        // then: the egress Accept at x/a does not bypass z/c's ingress isolation
        assertThat(toZ.allowed()).isFalse();
        assertThat(lines(toZ)).first().isEqualTo("[generic egress admin] ClusterNetworkPolicy accept-z rule 0: allow"
                + " - 'to-z' (Accept) matches: peer 0 (namespaces {kubernetes.io/metadata.name=z}) selects z/c, any"
                + " port and protocol");
        assertThat(lines(toZ)).last().asString().startsWith("[generic ingress networkpolicy] NetworkPolicy"
                + " z/deny-ingress: deny");
        assertThat(tcp(simulator, "z/c", "x/a", 80).allowed()).as("Accept at x/a's ingress bypasses allow-y").isTrue();
        assertThat(tcp(simulator, "x/a", "y/b", 80).allowed()).as("deny-egress still applies to y").isFalse();
    }

    @Test
    void a_pass_goes_on_to_the_network_policies_and_then_to_the_baseline() {
        // given
        Simulator simulator = simulator(ALLOW_Y_INTO_X + cnp("pass-all", "Admin", 10, """
                subject: {namespaces: {}}
                ingress: [{name: pass, action: Pass, from: [{namespaces: {}}]}]
                """) + cnp("baseline", "Baseline", 10, """
                subject: {namespaces: {}}
                ingress: [{name: deny-all, action: Deny, from: [{namespaces: {}}]}]
                """));
        // then
        assertThat(tcp(simulator, "y/b", "x/a", 80).allowed()).as("x is isolated: allow-y decides").isTrue();
        assertThat(tcp(simulator, "z/c", "x/a", 80).allowed()).as("x is isolated: allow-y decides").isFalse();
        Verdict notIsolated = tcp(simulator, "x/a", "y/b", 80);
        assertThat(notIsolated.allowed()).as("y is not isolated: the baseline decides").isFalse();
        assertThat(lines(notIsolated)).containsExactly(
                "[generic egress networkpolicy] not isolated - no NetworkPolicy isolates x/a for egress (NetworkPolicy"
                        + " x/allow-y selects it for ingress only)",
                "[generic ingress admin] ClusterNetworkPolicy pass-all rule 0: pass - 'pass' (Pass) matches: peer 0"
                        + " (namespaces {}) selects x/a, any port and protocol; the rest of the Admin tier is skipped",
                "[generic ingress networkpolicy] not isolated - no NetworkPolicy isolates y/b for ingress",
                "[generic ingress baseline] ClusterNetworkPolicy baseline rule 0: deny - 'deny-all' (Deny) matches:"
                        + " peer 0 (namespaces {}) selects x/a, any port and protocol");
    }

    @Test
    void a_network_policy_that_selects_the_pod_overrides_the_baseline_even_without_a_matching_rule() {
        // given
        Simulator simulator = simulator(ALLOW_Y_INTO_X + cnp("baseline", "Baseline", 10, X_SUBJECT + """
                ingress: [{name: allow-z, action: Accept, from: [{namespaces: {}}]}]
                """));
        // then
        assertThat(tcp(simulator, "z/c", "x/a", 80).allowed()).isFalse();
    }

    @Test
    void lower_priority_values_go_first_and_the_first_matching_rule_decides() {
        // given
        Simulator simulator = simulator(cnp("late", "Admin", 20, X_SUBJECT + """
                egress: [{name: deny-all, action: Deny, to: [{namespaces: {}}]}]
                """) + cnp("early", "Admin", 3, X_SUBJECT + """
                egress:
                - {name: allow-80, action: Accept, to: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}}]}
                - {name: deny-81, action: Deny, to: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 81}}}]}
                - {name: allow-81, action: Accept, to: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 81}}}]}
                """));
        // then
        assertThat(tcp(simulator, "x/a", "y/b", 80).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "y/b", 81).allowed()).isFalse();
        Verdict fallThrough = tcp(simulator, "x/a", "y/b", 82);
        assertThat(fallThrough.allowed()).isFalse();
        assertThat(lines(fallThrough)).first().isEqualTo("[generic egress admin] ClusterNetworkPolicy early: no match -"
                + " its subject namespaces {team=a} selects x/a, but none of its 3 egress rules matches traffic to y/b"
                + " on TCP/82; nearest: rule 0 'allow-80' (Accept): peer 0 (namespaces {}) selects y/b, but TCP/82 is"
                + " not in [TCP/80]");
        assertThat(lines(fallThrough).get(1)).startsWith("[generic egress admin] ClusterNetworkPolicy late rule 0:"
                + " deny");
    }

    @Test
    void policies_of_equal_priority_that_disagree_are_ambiguous() {
        // given
        String yaml = cnp("a-deny", "Admin", 7, X_SUBJECT + """
                egress: [{name: deny, action: Deny, to: [{namespaces: {}}]}]
                """) + cnp("b-accept", "Admin", 7, X_SUBJECT + """
                egress: [{name: accept, action: Accept, to: [{namespaces: {matchLabels: {team: b}}}]}]
                """);
        // when
        Decision egress = TestCluster.engineDespiteProblems(yaml).egress(flow("x/a", "y/b", Transport.TCP, 80));
        Verdict verdict = tcp(simulator(yaml), "x/a", "y/b", 80);
        // then
        assertThat(egress.outcome()).isEqualTo(Decision.Outcome.AMBIGUOUS);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.ambiguous()).isTrue();
        assertThat(lines(egress)).last().isEqualTo("[generic egress admin] ambiguous - ClusterNetworkPolicy a-deny"
                + " (deny), ClusterNetworkPolicy b-accept (allow) have the same priority 7 in the Admin tier and"
                + " disagree: the spec lets the implementation apply either");
        assertThat(tcp(simulator(yaml), "x/a", "z/c", 80).ambiguous()).as("only a-deny matches").isFalse();
    }

    @Test
    void policies_of_equal_priority_that_agree_are_not_ambiguous() {
        // given
        Simulator simulator = simulator(cnp("a", "Admin", 7, X_SUBJECT + """
                egress: [{name: deny, action: Deny, to: [{namespaces: {}}]}]
                """) + cnp("b", "Admin", 7, X_SUBJECT + """
                egress: [{name: deny-too, action: Deny, to: [{namespaces: {matchLabels: {team: b}}}]}]
                """));
        // when
        Verdict verdict = tcp(simulator, "x/a", "y/b", 80);
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.ambiguous()).isFalse();
    }

    @Test
    void networks_match_pod_addresses_and_nodes_match_node_addresses() {
        // given
        Simulator simulator = simulator(cnp("egress", "Admin", 1, X_SUBJECT + """
                egress:
                - {name: nodes, action: Accept, to: [{nodes: {matchLabels: {zone: two}}}]}
                - {name: pods, action: Accept, to: [{networks: [10.0.2.0/24]}]}
                - {name: rest, action: Deny, to: [{networks: [0.0.0.0/0]}]}
                """));
        // then
        assertThat(tcp(simulator, "x/a", "y/b", 80).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "z/c", 80).allowed()).isFalse();
        assertThat(tcp(simulator, "x/a", "node:n2", 10250).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "node:n1", 10250).allowed()).isFalse();
        assertThat(tcp(simulator, "x/a", "ip:8.8.8.8", 443).allowed()).isFalse();
        Verdict toHostPod = tcp(simulator(cnp("egress", "Admin", 1, X_SUBJECT + """
                egress: [{name: nodes, action: Deny, to: [{nodes: {matchLabels: {zone: one}}}]}]
                """)), "x/a", "x/h", 9000);
        assertThat(toHostPod.allowed()).isFalse();
        assertThat(lines(toHostPod)).first().isEqualTo("[generic egress admin] ClusterNetworkPolicy egress rule 0: deny"
                + " - 'nodes' (Deny) matches: peer 0 (nodes {zone=one}) selects node n1 (172.18.0.2), the address of"
                + " x/h, any port and protocol");
    }

    @Test
    void domain_names_match_the_name_a_destination_was_reached_by() {
        // given
        Simulator simulator = simulator(cnp("dns", "Admin", 1, X_SUBJECT + """
                egress:
                - {name: allow-example, action: Accept, to: [{domainNames: ["*.example.com", kordon.dev]}]}
                - {name: deny-world, action: Deny, to: [{networks: [0.0.0.0/0]}]}
                """));
        // then
        assertThat(tcp(simulator, "x/a", "fqdn:api.example.com@198.18.0.1", 443).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "fqdn:a.b.example.com.@198.18.0.1", 443).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "fqdn:KORDON.dev@198.18.0.2", 443).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "fqdn:example.com@198.18.0.3", 443).allowed()).isFalse();
        assertThat(tcp(simulator, "x/a", "ip:198.18.0.1", 443).allowed()).isFalse();
    }

    @Test
    void a_rule_without_protocols_matches_every_protocol_and_a_named_port_its_container_port() {
        // given
        Simulator simulator = simulator(cnp("ports", "Admin", 1, X_SUBJECT + """
                egress:
                - {name: web, action: Accept, to: [{pods: {podSelector: {}}}], protocols: [{destinationNamedPort: web}]}
                - {name: range, action: Accept, to: [{namespaces: {}}], protocols: [{udp: {destinationPort: {range: {start: 50, end: 60}}}}]}
                - {name: deny, action: Deny, to: [{namespaces: {}}]}
                """));
        // then
        assertThat(tcp(simulator, "x/a", "y/b", 80).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "y/a", 8080).allowed()).isTrue();
        assertThat(tcp(simulator, "x/a", "y/a", 80).allowed()).isFalse();
        assertThat(simulator.decide(flow("x/a", "y/a", Transport.UDP, 53)).allowed()).isTrue();
        assertThat(simulator.decide(flow("x/a", "y/a", Transport.UDP, 61)).allowed()).isFalse();
        assertThat(simulator.decide(flow("x/a", "y/a", Transport.ICMP, 8)).allowed()).isFalse();
        assertThat(lines(simulator.decide(flow("x/a", "y/a", Transport.ICMP, 8)))).first().asString()
                .endsWith("'deny' (Deny) matches: peer 0 (namespaces {}) selects y/a, any port and protocol");
    }

    @Test
    void a_deny_rule_with_a_peer_that_cannot_be_read_fails_closed() {
        // given
        String yaml = cnp("unknown-peer", "Admin", 1, X_SUBJECT + """
                egress:
                - {name: accept-new, action: Accept, to: [{services: {name: web}}]}
                - {name: deny-new, action: Deny, to: [{services: {name: web}}]}
                """);
        // when
        Decision egress = TestCluster.engineDespiteProblems(yaml).egress(flow("x/a", "y/b", Transport.TCP, 80));
        // then
        assertThat(TestCluster.problems(yaml)).hasSize(4);
        assertThat(egress.outcome()).isEqualTo(Decision.Outcome.DENY);
        assertThat(lines(egress)).containsExactly("[generic egress admin] ClusterNetworkPolicy unknown-peer rule 1:"
                + " deny - 'deny-new' (Deny) has a peer this simulator cannot read: it fails closed and denies all"
                + " traffic");
    }

    @Test
    void an_accept_rule_with_a_peer_that_cannot_be_read_matches_nothing() {
        // given
        String yaml = cnp("unknown-peer", "Admin", 1, X_SUBJECT + """
                egress:
                - {name: accept-mixed, action: Accept, to: [{services: {name: web}}, {namespaces: {}}]}
                - {name: deny-rest, action: Deny, to: [{namespaces: {}}]}
                """);
        // when
        Decision egress = TestCluster.engineDespiteProblems(yaml).egress(flow("x/a", "y/b", Transport.TCP, 80));
        // then
        assertThat(egress.outcome()).isEqualTo(Decision.Outcome.DENY);
        assertThat(lines(egress)).containsExactly("[generic egress admin] ClusterNetworkPolicy unknown-peer rule 1:"
                + " deny - 'deny-rest' (Deny) matches: peer 0 (namespaces {}) selects y/b, any port and protocol");
    }

    @Test
    void the_legacy_admin_and_baseline_admin_network_policies_decide_around_network_policies() {
        // given
        Simulator simulator = simulator("""
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: anp}
                spec:
                  priority: 1
                  subject: {pods: {namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {app: a}}}}
                  ingress:
                  - {name: allow-dns, action: Allow, from: [{namespaces: {}}], ports: [{namedPort: dns}]}
                  - {name: pass-web, action: Pass, from: [{namespaces: {}}], ports: [{portRange: {start: 80, end: 90}}]}
                ---
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: default}
                spec:
                  subject: {namespaces: {}}
                  ingress: [{name: deny, action: Deny, from: [{namespaces: {}}]}]
                """);
        // then
        assertThat(simulator.decide(flow("y/b", "x/a", Transport.UDP, 53)).allowed()).isTrue();
        assertThat(tcp(simulator, "y/b", "x/a", 80).allowed()).as("passed, then denied by the baseline").isFalse();
        assertThat(lines(tcp(simulator, "y/b", "x/a", 80))).last().isEqualTo("[generic ingress baseline]"
                + " BaselineAdminNetworkPolicy default rule 0: deny - 'deny' (Deny) matches: peer 0 (namespaces {})"
                + " selects y/b, any port and protocol");
        assertThat(tcp(simulator, "y/b", "x/b", 80).allowed()).isFalse();
    }

    @Test
    void default_allow_is_explained_when_policies_apply_but_none_decides() {
        // given
        Simulator simulator = simulator(cnp("narrow", "Admin", 1, X_SUBJECT + """
                egress: [{name: deny-z, action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: z}}}]}]
                """));
        // when
        Verdict verdict = tcp(simulator, "x/a", "y/b", 80);
        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(lines(verdict)).contains("[generic egress] allow - no tier decided traffic to y/b on TCP/80:"
                + " Kubernetes allows it by default");
    }
}
