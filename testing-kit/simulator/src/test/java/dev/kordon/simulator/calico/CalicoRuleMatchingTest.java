package dev.kordon.simulator.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalicoRuleMatchingTest {

    private static CalicoWorld world() {
        return CalicoWorld.create().namespace("shop", "env=prod").namespace("dev", "env=dev")
                .pod("shop/web", "10.0.0.1", "frontend", List.of(), Map.of(), "app=web")
                .pod("shop/db", "10.0.0.2", "db", List.of("pg:5432/TCP", "metrics:9100/TCP"), Map.of(), "app=db")
                .pod("shop/batch", "10.0.0.3", "batch", List.of(), Map.of(), "app=batch")
                .pod("dev/web", "10.1.0.1", "frontend", List.of(), Map.of(), "app=web")
                .serviceAccount("shop", "frontend", "role=ui")
                .serviceAccount("dev", "frontend", "role=ui")
                .serviceAccount("shop", "batch", "role=jobs");
    }

    private static String dbIngress(String kind, String namespace, String rule) {
        return "apiVersion: projectcalico.org/v3\nkind: " + kind + "\nmetadata: {name: db" + namespace + "}\nspec:\n"
                + "  selector: app == 'db'\n  ingress:\n  - " + rule + "\n";
    }

    @Test
    void a_network_policy_rule_selector_selects_only_in_the_policy_namespace() {
        // given
        CalicoWorld world = world().policies(dbIngress("NetworkPolicy", ", namespace: shop",
                "{action: Allow, source: {selector: app == 'web'}}"));

        // when
        Verdict local = world.tcp("shop/web", "shop/db", 5432);
        Verdict other = world.tcp("dev/web", "shop/db", 5432);

        // then
        assertThat(local.allowed()).isTrue();
        assertThat(other.allowed()).isFalse();
        assertThat(CalicoWorld.lines(other)).last().isEqualTo("[calico ingress default] Tier default: deny - no rule"
                + " matched: NetworkPolicy shop/db selects shop/db for ingress, so tier default applies, and it ends"
                + " in Deny; nearest miss: NetworkPolicy shop/db rule 0 (Allow): source dev/web: the policy's"
                + " namespace shop does not match: projectcalico.org/namespace == \"shop\" but"
                + " projectcalico.org/namespace is \"dev\"");
    }

    @Test
    void a_global_network_policy_rule_selector_selects_in_every_namespace() {
        // given
        CalicoWorld world = world().policies(dbIngress("GlobalNetworkPolicy", "",
                "{action: Allow, source: {selector: app == 'web'}}"));

        // when / then
        assertThat(world.tcp("dev/web", "shop/db", 5432).allowed()).isTrue();
        assertThat(world.tcp("shop/batch", "shop/db", 5432).allowed()).isFalse();
    }

    @Test
    void a_namespace_selector_matches_namespace_labels_and_projectcalico_name() {
        // given
        CalicoWorld byLabel = world().policies(dbIngress("NetworkPolicy", ", namespace: shop",
                "{action: Allow, source: {namespaceSelector: env == 'dev'}}"));
        CalicoWorld byName = world().policies(dbIngress("NetworkPolicy", ", namespace: shop",
                "{action: Allow, source: {namespaceSelector: projectcalico.org/name == 'dev'}}"));

        // then
        assertThat(byLabel.tcp("dev/web", "shop/db", 5432).allowed()).isTrue();
        assertThat(byLabel.tcp("shop/web", "shop/db", 5432).allowed()).isFalse();
        assertThat(byName.tcp("dev/web", "shop/db", 5432).allowed()).isTrue();
        assertThat(byName.tcp("shop/web", "shop/db", 5432).allowed()).isFalse();
    }

    @Test
    void service_account_names_are_scoped_to_the_policy_namespace_and_selectors_see_account_labels() {
        // given
        CalicoWorld byName = world().policies(dbIngress("NetworkPolicy", ", namespace: shop",
                "{action: Allow, source: {serviceAccounts: {names: [frontend]}}}"));
        CalicoWorld byLabel = world().policies(dbIngress("GlobalNetworkPolicy", "",
                "{action: Allow, source: {serviceAccounts: {selector: role == 'ui'}}}"));

        // then
        assertThat(byName.tcp("shop/web", "shop/db", 5432).allowed()).isTrue();
        assertThat(byName.tcp("dev/web", "shop/db", 5432).allowed()).isFalse();
        assertThat(byName.tcp("shop/batch", "shop/db", 5432).allowed()).isFalse();
        assertThat(byLabel.tcp("dev/web", "shop/db", 5432).allowed()).isTrue();
        assertThat(byLabel.tcp("shop/batch", "shop/db", 5432).allowed()).isFalse();
    }

    @Test
    void a_policy_service_account_selector_chooses_the_endpoints_it_applies_to() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: jobs, namespace: shop}
                spec: {serviceAccountSelector: role == 'jobs', egress: [{action: Deny}]}
                """);

        // then
        assertThat(world.tcp("shop/batch", "shop/db", 5432).allowed()).isFalse();
        assertThat(world.tcp("shop/web", "shop/db", 5432).allowed()).isTrue();
    }

    @Test
    void a_rule_without_selectors_matches_outside_addresses_but_selector_all_does_not() {
        // given
        CalicoWorld any = world().policies(dbIngress("GlobalNetworkPolicy", "", "{action: Allow}"));
        CalicoWorld all = world().policies(dbIngress("GlobalNetworkPolicy", "",
                "{action: Allow, source: {selector: all()}}"));

        // when
        Verdict outside = all.tcp("ip:8.8.8.8", "shop/db", 5432);

        // then
        assertThat(any.tcp("ip:8.8.8.8", "shop/db", 5432).allowed()).isTrue();
        assertThat(outside.allowed()).isFalse();
        assertThat(CalicoWorld.lines(outside).get(1)).endsWith("nearest miss: GlobalNetworkPolicy db rule 0"
                + " (Allow): source ip:8.8.8.8 is no Calico endpoint and in no network set, so selector all()"
                + " cannot match it");
        assertThat(all.tcp("dev/web", "shop/db", 5432).allowed()).isTrue();
    }

    @Test
    void a_global_not_selector_matches_everything_except_the_selected_endpoints() {
        // given
        CalicoWorld world = world().policies(dbIngress("GlobalNetworkPolicy", "",
                "{action: Allow, source: {notSelector: app == 'batch'}}"));

        // then
        assertThat(world.tcp("ip:8.8.8.8", "shop/db", 5432).allowed()).isTrue();
        assertThat(world.tcp("dev/web", "shop/db", 5432).allowed()).isTrue();
        assertThat(world.tcp("shop/batch", "shop/db", 5432).allowed()).isFalse();
    }

    @Test
    void a_namespaced_not_selector_also_confines_the_rule_to_the_policy_namespace() {
        // given
        CalicoWorld world = world().policies(dbIngress("NetworkPolicy", ", namespace: shop",
                "{action: Allow, source: {notSelector: app == 'batch'}}"));

        // then
        assertThat(world.tcp("shop/web", "shop/db", 5432).allowed()).isTrue();
        assertThat(world.tcp("dev/web", "shop/db", 5432).allowed()).isFalse();
        assertThat(world.tcp("ip:8.8.8.8", "shop/db", 5432).allowed()).isFalse();
    }

    @Test
    void nets_match_pod_addresses_unless_the_profile_says_cidrs_do_not_select_pods() {
        // given
        String policy = dbIngress("GlobalNetworkPolicy", "", "{action: Allow, source: {nets: [10.1.0.0/16]}}");
        CalicoWorld calico = world().policies(policy);
        CalicoWorld noPods = world().cidrsDoNotSelectPods().policies(policy);

        // then
        assertThat(calico.tcp("dev/web", "shop/db", 5432).allowed()).isTrue();
        assertThat(calico.tcp("shop/web", "shop/db", 5432).allowed()).isFalse();
        assertThat(noPods.tcp("dev/web", "shop/db", 5432).allowed()).isFalse();
    }

    @Test
    void not_nets_exclude_addresses_and_single_addresses_are_accepted() {
        // given
        CalicoWorld world = world().policies(dbIngress("GlobalNetworkPolicy", "",
                "{action: Allow, source: {nets: [10.0.0.0/8], notNets: [10.0.0.1]}}"));

        // then
        assertThat(world.tcp("shop/batch", "shop/db", 5432).allowed()).isTrue();
        assertThat(world.tcp("shop/web", "shop/db", 5432).allowed()).isFalse();
    }

    @Test
    void ports_match_numbers_ranges_and_names_resolved_on_the_destination_pod() {
        // given
        CalicoWorld world = world().policies(dbIngress("GlobalNetworkPolicy", "",
                "{action: Allow, protocol: TCP, destination: {ports: [80, '8000:8080', pg]}}"));

        // when
        Verdict miss = world.tcp("shop/web", "shop/db", 9100);

        // then
        assertThat(world.tcp("shop/web", "shop/db", 80).allowed()).isTrue();
        assertThat(world.tcp("shop/web", "shop/db", 8080).allowed()).isTrue();
        assertThat(world.tcp("shop/web", "shop/db", 5432).allowed()).isTrue();
        assertThat(miss.allowed()).isFalse();
        assertThat(CalicoWorld.lines(miss).get(1)).endsWith("nearest miss: GlobalNetworkPolicy db rule 0 (Allow):"
                + " destination port TCP/9100 not in ports [80, 8000:8080, pg] (pg is TCP/5432 on shop/db)");
    }

    @Test
    void a_named_port_resolves_against_the_destination_also_for_egress() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: web-out, namespace: shop}
                spec:
                  selector: app == 'web'
                  egress: [{action: Allow, destination: {ports: [metrics]}}]
                """);

        // then
        assertThat(world.tcp("shop/web", "shop/db", 9100).allowed()).isTrue();
        assertThat(world.tcp("shop/web", "shop/db", 5432).allowed()).isFalse();
        assertThat(world.tcp("shop/web", "ip:8.8.8.8", 9100).allowed()).isFalse();
    }

    @Test
    void not_ports_protocol_and_not_protocol_must_all_hold() {
        // given
        CalicoWorld world = world().policies(dbIngress("GlobalNetworkPolicy", "",
                "{action: Allow, protocol: UDP, destination: {notPorts: [53]}}"));
        CalicoWorld notTcp = world().policies(dbIngress("GlobalNetworkPolicy", "",
                "{action: Allow, notProtocol: TCP}"));

        // then
        assertThat(world.flow("shop/web", "shop/db", Transport.UDP, 54).allowed()).isTrue();
        assertThat(world.flow("shop/web", "shop/db", Transport.UDP, 53).allowed()).isFalse();
        assertThat(world.tcp("shop/web", "shop/db", 54).allowed()).isFalse();
        assertThat(notTcp.flow("shop/web", "shop/db", Transport.UDP, 53).allowed()).isTrue();
        assertThat(notTcp.tcp("shop/web", "shop/db", 53).allowed()).isFalse();
    }

    @Test
    void icmp_rules_match_the_icmp_type() {
        // given
        CalicoWorld world = world().policies(dbIngress("GlobalNetworkPolicy", "",
                "{action: Allow, protocol: ICMP, icmp: {type: 8, code: 0}}"));

        // then
        assertThat(world.icmp("shop/web", "shop/db", 8).allowed()).isTrue();
        assertThat(world.icmp("shop/web", "shop/db", 13).allowed()).isFalse();
        assertThat(world.tcp("shop/web", "shop/db", 80).allowed()).isFalse();
    }

    @Test
    void network_sets_are_selected_by_their_labels_and_namespace() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkSet
                metadata: {name: dns, labels: {role: resolver}}
                spec: {nets: [8.8.8.0/24]}
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkSet
                metadata: {name: partners, namespace: shop, labels: {role: partner}}
                spec: {nets: [192.0.2.0/24]}
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: web-out, namespace: shop}
                spec:
                  selector: app == 'web'
                  egress:
                  - {action: Allow, destination: {selector: role == 'partner'}}
                  - {action: Allow, destination: {namespaceSelector: global(), selector: role == 'resolver'}}
                """);

        // then
        assertThat(world.tcp("shop/web", "ip:192.0.2.7", 443).allowed()).isTrue();
        assertThat(world.tcp("shop/web", "ip:8.8.8.8", 53).allowed()).isTrue();
        assertThat(world.tcp("shop/web", "ip:1.1.1.1", 53).allowed()).isFalse();
    }

    @Test
    void host_network_pods_are_no_workload_endpoints_so_nothing_is_enforced_at_them() {
        // given
        CalicoWorld world = world().hostNetworkPod("shop/agent", "192.168.0.10", "app=agent").policies("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: deny-all}
                spec: {selector: all(), types: [Ingress, Egress]}
                """);

        // when
        Verdict verdict = world.tcp("shop/agent", "ip:8.8.8.8", 443);

        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(CalicoWorld.lines(verdict)).containsExactly(
                "[calico egress] not enforced - shop/agent uses the host network, so it is no Calico workload"
                        + " endpoint; without host endpoints (not modelled) Calico applies no policy to host traffic",
                "[calico ingress] not enforced - ip:8.8.8.8 is outside the cluster: no Calico endpoint, so no policy"
                        + " applies at it");
        assertThat(world.tcp("shop/agent", "shop/db", 5432).allowed()).isFalse();
    }
}
