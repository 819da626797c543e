package dev.kordon.simulator.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Verdict;
import org.junit.jupiter.api.Test;

/** ClusterNetworkPolicy as Calico converts it: tiers kube-admin and kube-baseline around the default tier. */
class CalicoClusterNetworkPolicyTest {

    private static CalicoWorld world() {
        return CalicoWorld.create().namespace("x", "team=a").namespace("y", "team=b")
                .pod("x/a", "10.0.0.1", "app=a")
                .pod("y/b", "10.0.1.2", "app=b");
    }

    private static String cnp(String name, String tier, int priority, String ingress) {
        return "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: " + name
                + "}\nspec:\n  tier: " + tier + "\n  priority: " + priority
                + "\n  subject: {namespaces: {matchLabels: {team: a}}}\n  ingress:\n  - " + ingress + "\n---\n";
    }

    private static final String ALLOW_NP = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-all, namespace: x}
            spec: {podSelector: {}, ingress: [{}]}
            ---
            """;

    private static final String FROM_B = "from: [{namespaces: {matchLabels: {team: b}}}]";

    @Test
    void an_admin_deny_wins_over_a_network_policy_allow() {
        // given
        CalicoWorld world = world().policies(cnp("deny-b", "Admin", 10, "{action: Deny, " + FROM_B + "}")
                + ALLOW_NP);

        // when
        Verdict verdict = world.tcp("y/b", "x/a", 80);

        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(CalicoWorld.lines(verdict)).last().asString().startsWith(
                "[calico ingress kube-admin] ClusterNetworkPolicy deny-b rule 0: deny - rule 0 (Deny) matches:"
                        + " source y/b matches namespaces {team=b}");
    }

    @Test
    void an_admin_pass_hands_over_to_network_policy_then_baseline() {
        // given
        String baselineDeny = cnp("baseline", "Baseline", 10, "{action: Deny, " + FROM_B + "}");
        CalicoWorld withNp = world().policies(cnp("pass-b", "Admin", 10, "{action: Pass, " + FROM_B + "}")
                + baselineDeny + ALLOW_NP);
        CalicoWorld withoutNp = world().policies(cnp("pass-b", "Admin", 10, "{action: Pass, " + FROM_B + "}")
                + baselineDeny);

        // then
        assertThat(withNp.tcp("y/b", "x/a", 80).allowed()).isTrue();
        assertThat(withoutNp.tcp("y/b", "x/a", 80).allowed()).isFalse();
    }

    @Test
    void a_network_policy_that_selects_the_pod_overrides_the_baseline_even_without_allowing() {
        // given
        CalicoWorld world = world().policies(cnp("baseline", "Baseline", 10, "{action: Accept, " + FROM_B + "}") + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: x}
                spec: {podSelector: {}}
                """);

        // then
        assertThat(world.tcp("y/b", "x/a", 80).allowed()).isFalse();
    }

    @Test
    void disagreeing_cluster_network_policies_at_one_priority_are_ambiguous() {
        // given
        CalicoWorld world = world().policies(cnp("a-allow", "Admin", 5, "{action: Accept, " + FROM_B + "}")
                + cnp("b-deny", "Admin", 5, "{action: Deny, " + FROM_B + "}"));

        // when
        Verdict verdict = world.tcp("y/b", "x/a", 80);

        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.ambiguous()).isTrue();
        assertThat(CalicoWorld.lines(verdict)).last().isEqualTo("[calico ingress kube-admin] ClusterNetworkPolicy"
                + " a-allow rule 0: ambiguous - ClusterNetworkPolicy a-allow rule 0 (Allow) and ClusterNetworkPolicy"
                + " b-deny rule 0 (Deny) both match at priority 5 of tier kube-admin; the ClusterNetworkPolicy spec"
                + " leaves their order undefined (Calico applies a-allow first, by name)");
    }

    @Test
    void a_rule_calico_cannot_convert_fails_closed() {
        // given
        String named = "{action: Deny, " + FROM_B + ", protocols: [{destinationNamedPort: http}]}";
        CalicoWorld deny = world().policies(cnp("named-deny", "Admin", 1, named));
        CalicoWorld accept = world().policies(cnp("named-accept", "Admin", 1, named.replace("Deny", "Accept"))
                + cnp("deny-rest", "Admin", 2, "{action: Deny, " + FROM_B + "}"));

        // when
        Verdict verdict = deny.tcp("x/a", "x/a", 22);

        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(CalicoWorld.lines(verdict)).last().isEqualTo("[calico ingress kube-admin] ClusterNetworkPolicy"
                + " named-deny rule 0: deny - rule 0 (replaced by Calico with Deny everything (fail closed): Calico"
                + " does not convert destinationNamedPort yet) (Deny) matches: the rule has no criteria, so every"
                + " flow matches");
        assertThat(accept.tcp("y/b", "x/a", 80).allowed()).isFalse();
    }

    @Test
    void networks_peers_match_addresses_in_egress() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: no-internet}
                spec:
                  tier: Admin
                  priority: 1
                  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: a}}}}
                  egress:
                  - {action: Deny, to: [{networks: [0.0.0.0/0]}], protocols: [{tcp: {destinationPort: {number: 443}}}]}
                """);

        // then
        assertThat(world.tcp("x/a", "ip:8.8.8.8", 443).allowed()).isFalse();
        assertThat(world.tcp("x/a", "y/b", 443).allowed()).isFalse();
        assertThat(world.tcp("x/a", "ip:8.8.8.8", 80).allowed()).isTrue();
        assertThat(world.tcp("y/b", "ip:8.8.8.8", 443).allowed()).isTrue();
    }
}
