package dev.kordon.simulator.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kubernetes NetworkPolicy as Calico converts and enforces it (backends.md §1 through §3.4). */
class CalicoKubernetesPolicyTest {

    private static CalicoWorld world() {
        return CalicoWorld.create().namespace("x", "team=a").namespace("y", "team=b")
                .pod("x/a", "10.0.0.1", "default", List.of("serve:8080/TCP"), Map.of(), "app=a")
                .pod("x/b", "10.0.0.2", "app=b")
                .pod("y/a", "10.0.1.1", "app=a")
                .pod("y/b", "10.0.1.2", "default", List.of("serve:9090/TCP"), Map.of(), "app=b");
    }

    private static String policy(String namespace, String spec) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: " + namespace
                + "}\nspec:\n" + spec.indent(2);
    }

    @Test
    void an_empty_ingress_list_denies_and_an_empty_rule_allows_everything() {
        // given
        CalicoWorld denyAll = world().policies(policy("x", "podSelector: {matchLabels: {app: a}}\ningress: []"));
        CalicoWorld allowAll = world().policies(policy("x", "podSelector: {matchLabels: {app: a}}\ningress: [{}]"));

        // when
        Verdict denied = denyAll.tcp("y/b", "x/a", 80);

        // then
        assertThat(denied.allowed()).isFalse();
        assertThat(CalicoWorld.lines(denied)).last().isEqualTo("[calico ingress default] Tier default: deny - no"
                + " rule matched: NetworkPolicy x/p selects x/a for ingress, so tier default applies, and it ends in"
                + " Deny; none of them has an Allow rule for ingress");
        assertThat(denyAll.tcp("y/b", "x/b", 80).allowed()).isTrue();
        assertThat(allowAll.tcp("ip:8.8.8.8", "x/a", 80).allowed()).isTrue();
    }

    @Test
    void an_egress_policy_without_policy_types_also_isolates_ingress() {
        // given
        CalicoWorld world = world().policies(policy("x", "podSelector: {}\negress: [{}]"));

        // then
        assertThat(world.tcp("x/a", "y/a", 80).allowed()).isTrue();
        assertThat(world.tcp("y/a", "x/a", 80).allowed()).isFalse();
    }

    @Test
    void namespace_and_pod_selectors_in_one_peer_are_and_in_two_peers_are_or() {
        // given
        CalicoWorld and = world().policies(policy("x", """
                podSelector: {matchLabels: {app: a}}
                ingress:
                - from:
                  - namespaceSelector: {matchLabels: {team: b}}
                    podSelector: {matchLabels: {app: b}}
                """));
        CalicoWorld or = world().policies(policy("x", """
                podSelector: {matchLabels: {app: a}}
                ingress:
                - from:
                  - namespaceSelector: {matchLabels: {team: b}}
                  - podSelector: {matchLabels: {app: b}}
                """));

        // then
        assertThat(and.tcp("y/b", "x/a", 80).allowed()).isTrue();
        assertThat(and.tcp("y/a", "x/a", 80).allowed()).isFalse();
        assertThat(and.tcp("x/b", "x/a", 80).allowed()).isFalse();
        assertThat(or.tcp("y/a", "x/a", 80).allowed()).isTrue();
        assertThat(or.tcp("x/b", "x/a", 80).allowed()).isTrue();
    }

    @Test
    void a_pod_selector_alone_selects_pods_of_the_policy_namespace_only() {
        // given
        CalicoWorld world = world().policies(policy("x", """
                podSelector: {matchLabels: {app: a}}
                ingress: [{from: [{podSelector: {matchLabels: {app: b}}}]}]
                """));

        // when
        Verdict other = world.tcp("y/b", "x/a", 80);

        // then
        assertThat(world.tcp("x/b", "x/a", 80).allowed()).isTrue();
        assertThat(other.allowed()).isFalse();
        assertThat(CalicoWorld.lines(other)).last().asString().endsWith("nearest miss: NetworkPolicy x/p rule 0"
                + " (Allow): source y/b: the policy's namespace x does not match: projectcalico.org/namespace =="
                + " \"x\" but projectcalico.org/namespace is \"y\"");
    }

    @Test
    void ip_blocks_match_addresses_inside_the_cidr_but_not_in_its_exceptions_pods_included() {
        // given
        CalicoWorld world = world().policies(policy("x", """
                podSelector: {matchLabels: {app: a}}
                ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24]}}]}]
                """));

        // then
        assertThat(world.tcp("x/b", "x/a", 80).allowed()).isTrue();
        assertThat(world.tcp("y/a", "x/a", 80).allowed()).isFalse();
        assertThat(world.tcp("ip:8.8.8.8", "x/a", 80).allowed()).isFalse();
    }

    @Test
    void ports_are_per_protocol_ranges_and_names_of_the_destination_pod() {
        // given
        CalicoWorld world = world().policies(policy("x", """
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - ports:
                  - {port: 53, protocol: UDP}
                  - {port: 8000, endPort: 8100}
                  - {port: serve}
                """));

        // then
        assertThat(world.flow("x/a", "y/b", Transport.UDP, 53).allowed()).isTrue();
        assertThat(world.tcp("x/a", "y/b", 53).allowed()).isFalse();
        assertThat(world.tcp("x/a", "y/b", 8100).allowed()).isTrue();
        assertThat(world.tcp("x/a", "y/b", 8101).allowed()).isFalse();
        assertThat(world.tcp("x/a", "y/b", 9090).allowed()).isTrue();
        assertThat(world.tcp("x/b", "x/a", 9090).allowed()).isFalse();
        assertThat(world.tcp("x/b", "x/a", 8080).allowed()).isTrue();
    }

    @Test
    void policies_add_up_and_an_allow_in_any_of_them_is_enough() {
        // given
        CalicoWorld world = world().policies(policy("x", "podSelector: {}\ningress: []") + "---\n"
                + policy("x", "podSelector: {matchLabels: {app: a}}\ningress: [{ports: [{port: 80}]}]")
                        .replace("name: p,", "name: web,"));

        // then
        assertThat(world.tcp("y/b", "x/a", 80).allowed()).isTrue();
        assertThat(world.tcp("y/b", "x/a", 81).allowed()).isFalse();
        assertThat(world.tcp("y/b", "x/b", 80).allowed()).isFalse();
    }
}
