package dev.kordon.generators.calico;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.calico.CalicoFixtures.BACKEND;
import static dev.kordon.generators.calico.CalicoFixtures.FRONTEND;
import static dev.kordon.generators.calico.CalicoManifests.assertValid;
import static dev.kordon.generators.calico.CalicoManifests.calico;
import static dev.kordon.generators.calico.CalicoManifests.policies;
import static dev.kordon.generators.calico.CalicoManifests.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Peers and ports in Calico rules, and the peers Calico cannot express. */
class CalicoRulesTest {

    /** The rules of the one policy on the given side, as JSON text each. */
    private static List<String> rules(Generation generation, String side) {
        List<String> rules = new ArrayList<>();
        for (var policy : policies(generation)) {
            tree(policy).path("spec").path(side).forEach(rule -> rules.add(rule.toString()));
        }
        return rules;
    }

    private static PolicySet egressTo(PortMatch first, PortMatch... more) {
        return policySet("shop").intents(allow(FRONTEND).to(cidr("10.0.0.0/8")).on(first, more).onlyEgress()).build();
    }

    @Test
    void ports_are_numbers_and_ranges_grouped_by_protocol() {
        Generation generation = calico(egressTo(tcp(8080), tcp(443), tcpRange(8000, 9000), udp(53), sctp(3868)));
        assertThat(rules(generation, "egress")).containsExactly(
                "{\"action\":\"Allow\",\"protocol\":\"TCP\",\"destination\":{\"nets\":[\"10.0.0.0/8\"],"
                        + "\"ports\":[443,8080,\"8000:9000\"]}}",
                "{\"action\":\"Allow\",\"protocol\":\"UDP\",\"destination\":{\"nets\":[\"10.0.0.0/8\"],"
                        + "\"ports\":[53]}}",
                "{\"action\":\"Allow\",\"protocol\":\"SCTP\",\"destination\":{\"nets\":[\"10.0.0.0/8\"],"
                        + "\"ports\":[3868]}}");
        assertValid(generation);
    }

    @Test
    void a_named_port_goes_to_the_pod_peers_of_an_egress_rule_never_to_its_nets() {
        // given: a name looks up a container port of a destination pod; Calico would look it up on any pod in the nets
        PolicySet set = policySet("shop").intents(allow(FRONTEND).to(cidr("10.0.0.0/8"), BACKEND)
                .on(tcp(443), tcp("metrics")).onlyEgress()).build();
        PolicySet namedOnly = policySet("shop").intents(allow(FRONTEND).to(cidr("10.0.0.0/8"), BACKEND)
                .on(tcp("metrics")).onlyEgress()).build();

        // then
        assertThat(rules(calico(set), "egress")).anySatisfy(rule -> assertThat(rule).contains("\"nets\"")
                .contains("\"ports\":[443]")).allSatisfy(rule -> assertThat(rule.contains("\"nets\"")
                && rule.contains("metrics")).isFalse());
        assertThat(rules(calico(namedOnly), "egress")).isNotEmpty().noneMatch(rule -> rule.contains("\"nets\""))
                .allMatch(rule -> rule.contains("metrics"));
    }

    @Test
    void a_range_ending_below_60_is_written_port_by_port() {
        // because YAML 1.1 readers take an unquoted 20:25 for the base-60 number 1225
        Generation generation = calico(egressTo(tcpRange(20, 23), tcpRange(60, 61)));
        assertThat(rules(generation, "egress")).containsExactly("{\"action\":\"Allow\",\"protocol\":\"TCP\","
                + "\"destination\":{\"nets\":[\"10.0.0.0/8\"],\"ports\":[20,21,22,23,\"60:61\"]}}");
        assertThat(generation.stream()).doesNotContain("20:23");
    }

    @Test
    void every_port_of_a_protocol_has_no_ports_and_any_traffic_no_protocol() {
        assertThat(rules(calico(egressTo(allUdpPorts(), udp(53), tcp(80))), "egress")).containsExactly(
                "{\"action\":\"Allow\",\"protocol\":\"TCP\",\"destination\":{\"nets\":[\"10.0.0.0/8\"],"
                        + "\"ports\":[80]}}",
                "{\"action\":\"Allow\",\"protocol\":\"UDP\",\"destination\":{\"nets\":[\"10.0.0.0/8\"]}}");
        assertThat(rules(calico(egressTo(anyTraffic(), tcp(80))), "egress")).containsExactly(
                "{\"action\":\"Allow\",\"destination\":{\"nets\":[\"10.0.0.0/8\"]}}");
    }

    @Test
    void more_than_50_ports_take_several_rules() {
        List<PortMatch> ports = new ArrayList<>();
        for (int port = 1000; port < 1060; port++) {
            ports.add(tcp(port));
        }
        Generation generation = calico(egressTo(ports.get(0), ports.subList(1, 60).toArray(PortMatch[]::new)));
        assertThat(rules(generation, "egress")).hasSize(2);
        assertValid(generation);
    }

    @Test
    void pods_of_the_policys_namespace_need_no_namespace_selector_and_others_are_named() {
        // given the frontend (namespace shop) calling the backend (shop) and the database (namespace db)
        PolicySet set = policySet("shop").intents(allow(FRONTEND).to(BACKEND,
                workload("db", "postgres", labels("app", "postgres"))).on(tcp(5432)).onlyEgress()).build();
        // when
        Generation generation = calico(set);
        // then both are pinned to Kubernetes pods, so that network sets with those labels do not match (peers in
        // canonical order: db/postgres first)
        assertThat(rules(generation, "egress")).containsExactly(
                "{\"action\":\"Allow\",\"protocol\":\"TCP\",\"destination\":{\"selector\":"
                        + "\"projectcalico.org/orchestrator == \\\"k8s\\\" && app == \\\"postgres\\\"\","
                        + "\"namespaceSelector\":\"projectcalico.org/name =="
                        + " \\\"db\\\"\",\"ports\":[5432]}}",
                "{\"action\":\"Allow\",\"protocol\":\"TCP\",\"destination\":{\"selector\":"
                        + "\"projectcalico.org/orchestrator == \\\"k8s\\\" && app == \\\"backend\\\"\","
                        + "\"ports\":[5432]}}");
    }

    @Test
    void a_service_account_is_matched_by_name_in_its_namespace() {
        PolicySet set = policySet("shop").intents(
                BACKEND.accepts(serviceAccount("web", "frontend")).on(tcp(8080))).build();
        JsonNode source = tree(policies(calico(set)).get(0)).path("spec").path("ingress").get(0).path("source");
        assertThat(source.toString()).isEqualTo("{\"selector\":\"projectcalico.org/orchestrator == \\\"k8s\\\"\","
                + "\"namespaceSelector\":\"projectcalico.org/name == \\\"web\\\"\",\"serviceAccounts\":{\"names\":"
                + "[\"frontend\"]}}");
    }

    @Test
    void cidr_exceptions_are_not_nets_and_families_get_rules_of_their_own() {
        PolicySet set = policySet("shop").intents(allow(FRONTEND)
                .to(cidr("0.0.0.0/0").except("10.0.0.0/8", "169.254.169.254/32"), cidr("2001:db8::/32"))
                .on(tcp(443)).onlyEgress()).build();
        Generation generation = calico(set);
        assertThat(rules(generation, "egress")).containsExactly(
                "{\"action\":\"Allow\",\"protocol\":\"TCP\",\"destination\":{\"nets\":[\"0.0.0.0/0\"],\"notNets\":"
                        + "[\"10.0.0.0/8\",\"169.254.169.254/32\"],\"ports\":[443]}}",
                "{\"action\":\"Allow\",\"protocol\":\"TCP\",\"destination\":{\"nets\":[\"2001:db8::/32\"],"
                        + "\"ports\":[443]}}");
        assertValid(generation);
    }

    @Test
    void anywhere_leaves_the_peer_out() {
        PolicySet set = policySet("shop").intents(BACKEND.accepts(anywhere(), FRONTEND).on(anyTraffic())).build();
        assertThat(rules(calico(set), "ingress")).containsExactly("{\"action\":\"Allow\"}");
    }

    @Test
    void the_world_needs_its_downgrade_and_is_written_per_ip_family() {
        PolicySet declared = policySet("shop").intents(BACKEND.accepts(world()).on(tcp(443))).build();
        assertThatThrownBy(() -> calico(declared)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("widened peer-world [calico]: the world is matched as nets 0.0.0.0/0 and ::/0,"
                        + " which also match pods and nodes\n    fix: use cilium, or name the outside addresses with"
                        + " cidr(...), or accept Downgrade.WORLD_AS_ALL_ADDRESSES");
        PolicySet accepted = policySet("shop").intents(BACKEND.accepts(world()).on(tcp(443))
                .accepting(Downgrade.WORLD_AS_ALL_ADDRESSES)).build();
        Generation generation = calico(accepted);
        assertThat(rules(generation, "ingress")).containsExactly(
                "{\"action\":\"Allow\",\"protocol\":\"TCP\",\"source\":{\"nets\":[\"0.0.0.0/0\"]},\"destination\":"
                        + "{\"ports\":[443]}}",
                "{\"action\":\"Allow\",\"protocol\":\"TCP\",\"source\":{\"nets\":[\"::/0\"]},\"destination\":"
                        + "{\"ports\":[443]}}");
        assertValid(generation);
    }

    @Test
    void nodes_the_api_server_and_dns_names_are_refused_with_their_reasons() {
        PolicySet set = policySet("shop").intents(
                allow(FRONTEND).to(allNodes()).on(tcp(10250)),
                allowKubeApiServer(FRONTEND),
                allow(FRONTEND).to(dnsName("api.stripe.com"), dnsName("*.s3.amazonaws.com")).on(tcp(443))).build();
        assertThatThrownBy(() -> calico(set)).isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).problems())
                        .extracting(problem -> problem.feature().id())
                        .containsExactly("peer-dns-name", "peer-dns-wildcard", "peer-kube-apiserver", "peer-nodes"))
                .hasMessageContaining("unsupported peer-dns-wildcard [calico]: Calico Open Source cannot match DNS"
                        + " names\n    fix: use cilium, or name the addresses with cidr(...)")
                .hasMessageContaining("unsupported peer-kube-apiserver [calico]: Calico has no API-server peer;"
                        + " matching the endpoints of Service default/kubernetes would replace the intent's ports by"
                        + " the endpoints' ports on egress and miss control planes that reach pods from other"
                        + " addresses\n    fix: name the API server's addresses with cidr(...), or use cilium")
                .hasMessageContaining("unsupported peer-nodes [calico]: Calico selects nodes only through host"
                        + " endpoints, which exist only where they are configured; other node traffic would not be"
                        + " matched\n    fix: name the node addresses with cidr(...), or use cilium");
    }

    @Test
    void more_cidr_exceptions_than_a_rule_takes_are_refused() {
        IpBlock block = cidr("10.0.0.0/16");
        for (int i = 0; i < 257; i++) {
            block = block.except("10.0." + i / 256 + "." + i % 256 + "/32");
        }
        PolicySet set = policySet("shop").intents(allow(FRONTEND).to(block).on(tcp(443)).onlyEgress()).build();
        assertThatThrownBy(() -> calico(set)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("unsupported peer-cidr-except [calico]: a Calico rule takes at most 256 notNets,"
                        + " and cidr-10.0.0.0/16 has 257 exceptions");
    }
}
