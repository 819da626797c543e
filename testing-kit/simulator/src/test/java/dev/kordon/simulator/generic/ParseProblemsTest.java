package dev.kordon.simulator.generic;

import static dev.kordon.simulator.generic.TestCluster.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every input the API server would reject is a problem, with its file, object, field and fix. */
class ParseProblemsTest {

    private static final String NP = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: x}
            """;
    private static final String ANP = """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: anp}
            """;
    private static final String BANP = """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: BaselineAdminNetworkPolicy
            metadata: {name: default}
            """;
    private static final String CNP = """
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: cnp}
            """;
    private static final String AT_NP = "policies.yaml: NetworkPolicy x/p: ";
    private static final String AT_ANP = "policies.yaml: AdminNetworkPolicy anp: ";
    private static final String AT_BANP = "policies.yaml: BaselineAdminNetworkPolicy default: ";
    private static final String AT_CNP = "policies.yaml: ClusterNetworkPolicy cnp: ";

    @Test
    void accepts_a_valid_policy_of_every_kind() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr:"
                + " 10.0.0.0/8, except:"
                + " [10.1.0.0/16]}}], ports: [{port: web}, {port: 80, endPort: 90, protocol: UDP}]}]}\n---\n"
                + ANP + "spec: {priority: 1, subject: {namespaces: {}}, egress: [{action: Pass, to: [{networks:"
                + " [0.0.0.0/0]}], ports: [{portRange: {start: 1, end: 2}}]}]}\n---\n"
                + BANP + "spec: {subject: {pods: {namespaceSelector: {}, podSelector: {}}}}\n---\n"
                + CNP + "spec: {tier: Admin, priority: 0, subject: {namespaces: {}}, egress: [{action: Accept, to:"
                + " [{domainNames: ['*.example.com']}], protocols: [{tcp: {destinationPort: {number: 443}}}]}]}\n");
        // then
        assertThat(reported).isEmpty();
    }

    @Test
    void reports_a_peer_that_sets_no_field() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, ingress: [{from: [{}]}]}");
        // then
        assertThat(reported).containsExactly(AT_NP
                + "spec.ingress[0].from[0]: sets none of podSelector, namespaceSelector, ipBlock: a peer must select"
                + " something\n  fix: set one of them; to match every peer, leave the whole list out");
    }

    @Test
    void reports_an_ip_block_combined_with_a_selector() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8},"
                + " namespaceSelector: {}}]}]}");
        // then
        assertThat(reported).containsExactly(AT_NP + "spec.ingress[0].from[0]: combines ipBlock"
                + " with namespaceSelector: an ipBlock must be a peer of its own\n  fix: write the ipBlock as a"
                + " separate list item");
    }

    @Test
    void reports_an_except_that_is_not_a_strict_subset_of_the_cidr() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8,"
                + " except:"
                + " [11.0.0.0/8, 10.0.0.0/8]}}]}]}");
        // then
        assertThat(reported).containsExactly(
                AT_NP + "spec.egress[0].to[0].ipBlock.except[0]: is not a strict subset of cidr 10.0.0.0/8:"
                        + " '11.0.0.0/8'\n  fix: except only networks inside the cidr, and smaller than it",
                AT_NP + "spec.egress[0].to[0].ipBlock.except[1]: is not a strict subset of cidr 10.0.0.0/8:"
                        + " '10.0.0.0/8'\n  fix: except only networks inside the cidr, and smaller than it");
    }

    @Test
    void reports_an_invalid_cidr() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr:"
                + " 10.0.0.300/8}}]}]}");
        // then
        assertThat(reported)
                .containsExactly(AT_NP + "spec.egress[0].to[0].ipBlock.cidr: is not a valid CIDR: '10.0.0.300/8'\n"
                        + "  fix: write an IPv4 or IPv6 network such as 10.0.0.0/8 or fd00::/8");
    }

    @Test
    void reports_an_end_port_without_a_port() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, ingress: [{ports: [{endPort: 90}]}]}");
        // then
        assertThat(reported).containsExactly(
                AT_NP + "spec.ingress[0].ports[0].endPort: is set without a port\n  fix: set port to the first port"
                        + " of the range");
    }

    @Test
    void reports_an_end_port_with_a_named_port() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, ingress: [{ports: [{port: http, endPort:"
                + " 10000}]}]}");
        // then
        assertThat(reported)
                .containsExactly(AT_NP + "spec.ingress[0].ports[0].endPort: is set with the named port 'http': a"
                        + " range needs a numeric port\n  fix: write the first port of the range as a number, or"
                        + " remove endPort");
    }

    @Test
    void reports_an_end_port_below_the_port_and_a_port_out_of_range() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, ingress: [{ports: [{port: 90, endPort: 80},"
                + " {port:"
                + " 70000}]}]}");
        // then
        assertThat(reported).containsExactly(
                AT_NP + "spec.ingress[0].ports[0].endPort: is below port 90: 80\n  fix: set endPort to the last port"
                        + " of the range, at least port",
                AT_NP + "spec.ingress[0].ports[1].port: is out of range 1..65535: 70000\n  fix: write a number from 1"
                        + " to 65535");
    }

    @Test
    void reports_a_named_port_that_is_not_an_iana_service_name() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, ingress: [{ports: [{port: '80'}]}]}");
        // then
        assertThat(reported).containsExactly(
                AT_NP + "spec.ingress[0].ports[0].port: is not a valid port name: '80' (an IANA service name: at"
                        + " most 15 lowercase letters, digits and '-', with at least one letter, no '--', not starting"
                        + " or ending with '-')\n  fix: write a port number, or the name of a container port");
    }

    @Test
    void reports_a_protocol_other_than_tcp_udp_and_sctp() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, ingress: [{ports: [{protocol: ICMP}]}]}");
        // then
        assertThat(reported)
                .containsExactly(AT_NP + "spec.ingress[0].ports[0].protocol: is not TCP, UDP or SCTP: 'ICMP'\n  fix:"
                        + " NetworkPolicy ports filter only TCP, UDP and SCTP (uppercase); leave ports out to match"
                        + " every protocol");
    }

    @Test
    void reports_invalid_policy_types() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, policyTypes: [Ingress, Egress, Other]}");
        // then
        assertThat(reported).containsExactly(
                AT_NP + "spec.policyTypes: has 3 items\n  fix: give at most 2 items",
                AT_NP + "spec.policyTypes[2]: is not Ingress or Egress: 'Other'\n  fix: write Ingress or Egress");
    }

    @Test
    void reports_a_named_port_in_an_egress_rule_whose_peers_are_all_ip_blocks() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr:"
                + " 0.0.0.0/0}}], ports:"
                + " [{port: abc}]}]}");
        // then
        assertThat(reported).containsExactly(AT_NP + "spec.egress[0].ports: names a port, but every peer"
                + " of this egress rule is an ipBlock: a named port is looked up on the destination pod, and an"
                + " ipBlock names addresses, not pods (implementations differ: most match nothing)\n  fix: write the"
                + " port number instead of its name");
    }

    @Test
    void reports_unknown_fields_and_invalid_label_selectors() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {matchLabels: {app: 1, 'a b': c},"
                + " matchExpressions: [{key:"
                + " app, operator: Is, values: [a]}, {key: tier, operator: In, values: ['-x']}]}, ingres: []}");
        // then
        assertThat(reported)
                .containsExactly(
                AT_NP + "spec.ingres: is not a field of NetworkPolicy spec\n  fix: remove it or fix its spelling;"
                        + " known fields: egress, ingress, podSelector, policyTypes",
                AT_NP + "spec.podSelector.matchLabels.app: is not a string: 1\n  fix: quote the value",
                AT_NP + "spec.podSelector.matchLabels.a b: is not a valid label key: 'a b' (a name of at most 63"
                        + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit, optionally"
                        + " after a DNS prefix and '/')\n  fix: fix the key",
                AT_NP + "spec.podSelector.matchExpressions[1].values[0]: is not a valid label value: '-x' (at most"
                        + " 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)\n "
                        + " fix: fix"
                        + " the value",
                AT_NP + "spec.podSelector.matchExpressions[0].operator: is not a label selector operator: 'Is'\n"
                        + "  fix: use In, NotIn, Exists or DoesNotExist");
    }

    @Test
    void reports_two_objects_with_the_same_name() {
        // when
        List<String> reported = problems(NP + "spec: {podSelector: {}}\n---\n" + NP + "spec: {podSelector: {}}");
        // then
        assertThat(reported).containsExactly(
                AT_NP + "metadata.name: is taken: NetworkPolicy x/p is also defined in policies.yaml (document 1)\n"
                        + "  fix: give each object its own name, or keep one of them");
    }

    @Test
    void reports_a_subject_with_two_fields() {
        // when
        List<String> reported = problems(ANP + "spec: {priority: 7, subject: {namespaces: {}, pods:"
                + " {namespaceSelector: {},"
                + " podSelector: {}}}}");
        // then
        assertThat(reported).containsExactly(AT_ANP + "spec.subject: sets namespaces and pods together\n"
                + "  fix: set exactly one of namespaces, pods");
    }

    @Test
    void reports_rules_without_peers() {
        // when
        List<String> reported = problems(ANP + "spec: {priority: 6, subject: {namespaces: {}}, egress: [{action:"
                + " Allow, to: }],"
                + " ingress: [{action: Allow}]}");
        // then
        assertThat(reported).containsExactly(
                AT_ANP + "spec.ingress[0].from: is missing\n  fix: list at least one peer: the ingress rule must say"
                        + " which sources it applies to",
                AT_ANP + "spec.egress[0].to: is empty\n  fix: list at least one peer: the egress rule must say"
                        + " which destinations it applies to");
    }

    @Test
    void reports_an_empty_peer_list() {
        // when
        List<String> reported = problems(BANP + "spec: {subject: {namespaces: {}}, ingress: [{action: Allow, from:"
                + " []}]}");
        // then
        assertThat(reported)
                .containsExactly(AT_BANP + "spec.ingress[0].from: has 0 items\n  fix: give 1 to 100 items");
    }

    @Test
    void reports_a_peer_with_two_fields() {
        // when
        List<String> reported = problems(ANP + "spec: {priority: 6, subject: {namespaces: {}}, egress: [{action:"
                + " Allow, to:"
                + " [{pods: {namespaceSelector: {}}, namespaces: {}}]}]}");
        // then
        assertThat(reported).containsExactly(AT_ANP
                + "spec.egress[0].to[0]: sets namespaces and pods together\n  fix: set exactly one of namespaces, pods,"
                + " nodes, networks, domainNames");
    }

    @Test
    void reports_a_pods_peer_without_its_selectors() {
        // when
        List<String> reported = problems(ANP + "spec: {priority: 6, subject: {namespaces: {}}, egress: [{action:"
                + " Allow, to:"
                + " [{pods: {namespaceSelector: {}}}]}]}");
        // then
        assertThat(reported).containsExactly(AT_ANP + "spec.egress[0].to[0].pods"
                + ".podSelector: is missing\n  fix: it is required");
    }

    @Test
    void reports_a_port_with_two_fields() {
        // when
        List<String> reported = problems(ANP + "spec: {priority: 4, subject: {namespaces: {}}, ingress: [{action:"
                + " Deny, from:"
                + " [{namespaces: {}}], ports: [{portNumber: {protocol: UDP, port: 5353}, portRange: {start: 1, end:"
                + " 5353}}]}]}");
        // then
        assertThat(reported).containsExactly(AT_ANP + "spec.ingress[0].ports[0]: sets portNumber and portRange"
                + " together\n  fix: set exactly one of portNumber, namedPort, portRange");
    }

    @Test
    void reports_a_baseline_port_with_two_fields() {
        // when
        List<String> reported = problems(BANP + "spec: {subject: {namespaces: {}}, egress: [{action: Allow, to:"
                + " [{namespaces:"
                + " {}}], ports: [{portNumber: {protocol: UDP, port: 53}, namedPort: dns}]}]}");
        // then
        assertThat(reported).containsExactly(
                AT_BANP + "spec.egress[0].ports[0]: sets portNumber and namedPort together\n  fix: set exactly one of"
                        + " portNumber, namedPort, portRange");
    }

    @Test
    void reports_a_port_range_whose_start_is_not_below_its_end() {
        // when
        List<String> reported = problems(ANP + "spec: {priority: 10, subject: {namespaces: {}}, ingress: [{action:"
                + " Allow, from:"
                + " [{namespaces: {}}], ports: [{portRange: {start: 10, end: 1}}, {portNumber: {port: 80}}]}]}");
        // then
        assertThat(reported)
                .containsExactly(AT_ANP + "spec.ingress[0].ports[0].portRange: is not a range: start 10 is not below"
                        + " end 1\n  fix: write start < end; for a single port, use a port number");
    }

    @Test
    void reports_an_unknown_action() {
        // when
        List<String> reported = problems(ANP + "spec: {priority: 4, subject: {namespaces: {}}, ingress: [{action:"
                + " Ok, from:"
                + " [{namespaces: {}}]}]}");
        // then
        assertThat(reported).containsExactly(AT_ANP + "spec.ingress[0].action: is not a known action:"
                + " 'Ok'\n  fix: use one of Allow, Deny, Pass");
    }

    @Test
    void reports_a_priority_out_of_range() {
        // when
        List<String> reported = problems(ANP + "spec: {priority: 1001, subject: {namespaces: {}}}");
        // then
        assertThat(reported).containsExactly(AT_ANP
                + "spec.priority: is out of range 0..1000: 1001\n  fix: write a number from 0 to 1000");
    }

    @Test
    void reports_a_baseline_admin_network_policy_not_named_default_or_with_a_pass_rule() {
        // when
        List<String> reported = problems(BANP.replace("default", "other") + "spec: {subject: {namespaces: {}},"
                + " ingress: [{action:"
                + " Pass, from: [{namespaces: {}}]}]}");
        // then
        assertThat(reported).containsExactly(
                "policies.yaml: BaselineAdminNetworkPolicy other: metadata.name: is 'other', but the only"
                        + " BaselineAdminNetworkPolicy a cluster may hold is named 'default'\n  fix: name it default",
                "policies.yaml: BaselineAdminNetworkPolicy other: spec.ingress[0].action: is not a known action:"
                        + " 'Pass'\n  fix: use one of Allow, Deny");
    }

    @Test
    void reports_the_v1alpha1_action_allow_and_a_protocol_without_a_destination_port() {
        // when
        List<String> reported = problems(CNP + "spec: {tier: Admin, priority: 1, subject: {namespaces: {}},"
                + " egress: [{action:"
                + " Allow, to: [{namespaces: {}}], protocols: [{tcp: {}}]}]}");
        // then
        assertThat(reported).containsExactly(
                AT_CNP + "spec.egress[0].action: is not a known action: 'Allow'\n  fix: use one of Accept, Deny,"
                        + " Pass",
                AT_CNP + "spec.egress[0].protocols[0].tcp.destinationPort: is missing\n  fix: give a number or a"
                        + " range; for every port of TCP write range {start: 1, end: 65535}");
    }

    @Test
    void reports_an_unknown_tier_an_address_peer_in_an_ingress_rule_and_an_empty_range() {
        // when
        List<String> reported = problems(CNP + "spec: {tier: Middle, priority: 1, subject: {namespaces: {}},"
                + " ingress: [{action:"
                + " Deny, from: [{networks: [1.0.0.0/8]}], protocols: [{udp: {destinationPort: {range: {start: 5,"
                + " end: 5}}}}]}]}");
        // then
        assertThat(reported).containsExactly(
                AT_CNP + "spec.tier: is not Admin or Baseline: 'Middle'\n  fix: write Admin (before NetworkPolicies)"
                        + " or Baseline (after them)",
                AT_CNP + "spec.ingress[0].from[0].networks: is a peer of egress rules only\n  fix: select sources by"
                        + " namespaces or pods",
                AT_CNP + "spec.ingress[0].protocols[0].udp.destinationPort.range: is not a range: start 5 is not"
                        + " below end 5\n  fix: write start < end; for a single port, use a port number");
    }

    @Test
    void reports_a_named_port_beside_address_peers_and_an_invalid_domain_name() {
        // when
        List<String> reported = problems(CNP + "spec: {tier: Admin, priority: 1, subject: {namespaces: {}},"
                + " egress: [{action:"
                + " Accept, to: [{networks: [1.0.0.0/8]}, {domainNames: ['*.a.com', 'bad name']}], protocols:"
                + " [{destinationNamedPort: web}]}]}");
        // then
        assertThat(reported).containsExactly(
                AT_CNP + "spec.egress[0].to[1].domainNames[1]: is not a domain name: 'bad name'\n  fix: write a DNS"
                        + " name such as api.example.com, or *.example.com for its subdomains",
                AT_CNP + "spec.egress[0].protocols: names a port, but the rule has a networks, nodes or domainNames"
                        + " peer, which has no named ports\n  fix: write port numbers, or move those peers to a rule"
                        + " of their own");
    }

    @Test
    void reports_domain_names_in_a_rule_that_does_not_accept() {
        // when
        List<String> reported = problems(CNP + "spec: {tier: Admin, priority: 1, subject: {namespaces: {}},"
                + " egress: [{action:"
                + " Deny, to: [{domainNames: [example.com]}]}]}");
        // then
        assertThat(reported).containsExactly(AT_CNP + "spec.egress[0].action:"
                + " is not Accept, but the rule has a domainNames peer: domain names are supported only in Accept"
                + " rules\n  fix: allow the domains, and deny the rest in a rule or policy of lower precedence");
    }

    @Test
    void reports_a_namespace_on_a_cluster_scoped_policy() {
        // when
        List<String> reported = problems(CNP.replace("{name: cnp}", "{name: cnp, namespace: x}") + "spec: {tier:"
                + " Admin, priority:"
                + " 1, subject: {namespaces: {}}}");
        // then
        assertThat(reported).containsExactly("policies.yaml: ClusterNetworkPolicy x/cnp:"
                + " metadata.namespace: is set, but a ClusterNetworkPolicy is cluster-scoped: it applies to the pods"
                + " its subject selects in every namespace\n  fix: remove metadata.namespace");
    }

    @Test
    void reports_a_baseline_admin_network_policy_beside_baseline_cluster_network_policies() {
        // when
        List<String> reported = problems(CNP + "spec: {tier: Baseline, priority: 1, subject: {namespaces:"
                + " {}}}\n---\n" + BANP
                + "spec: {subject: {namespaces: {}}}");
        // then
        assertThat(reported).containsExactly(AT_BANP + "has no priority, so it cannot be"
                + " ordered among the Baseline-tier ClusterNetworkPolicies of the same cluster (no implementation"
                + " serves both)\n  fix: rewrite it as a ClusterNetworkPolicy with tier Baseline and a priority");
    }
}
