package dev.kordon.generators.cnp;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cnp.ClusterNetworkPolicyBackendTest.assertSchemaValid;
import static dev.kordon.generators.cnp.ClusterNetworkPolicyBackendTest.kubernetesCnp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Origin;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Tier;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.Resource;
import dev.kordon.generators.manifest.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How each part of a guardrail is written as a ClusterNetworkPolicy. */
class ClusterNetworkPolicyMappingTest {

    static final Workload WEB = workload("shop", "web", labels("app", "web")).withServiceAccount("web")
            .withPort("http", tcp(8080));
    static final Workload DB = workload("data", "db", labels("app", "db"));

    static JsonNode spec(Resource resource) {
        return Yaml.read(Yaml.write(resource.body())).path("spec");
    }

    static void assertSpec(Resource resource, String expectedYaml) {
        assertThat(spec(resource)).as("spec of %s", resource.name()).isEqualTo(Yaml.read(expectedYaml));
    }

    private static Resource only(Generation generation) {
        assertSchemaValid(generation);
        assertThat(generation.resources()).hasSize(1);
        return generation.resources().get(0);
    }

    private static Resource named(Generation generation, String name) {
        return generation.resources().stream().filter(resource -> resource.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no object named " + name + " in " + generation.resources()));
    }

    @Test
    void subjects_are_every_pod_of_namespaces_or_pods_of_namespaces() {
        // given one guardrail per kind of subject
        PolicySet set = policySet("p").intents(
                guardrail("named").admin(1).deny().egressFrom(namespace("shop")).to(DB).on(tcp(5432)),
                guardrail("labelled").admin(2).deny().egressFrom(namespaces(labels("tenant", "a"))).to(DB)
                        .on(tcp(5432)),
                guardrail("several").admin(3).deny().egressFrom(pods(inNamespace("a", "b"), labels("role", "x")))
                        .to(DB).on(tcp(5432)),
                guardrail("everywhere").admin(4).deny().egressFrom(pods(inAnyNamespace(), labels("role", "x")))
                        .to(DB).on(tcp(5432)),
                guardrail("workload").admin(5).deny().egressFrom(WEB).to(DB).on(tcp(5432))).build();
        // when
        Generation generation = kubernetesCnp(set);
        // then
        assertSchemaValid(generation);
        assertThat(spec(named(generation, "p-named")).path("subject")).isEqualTo(Yaml.read(
                "namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}"));
        assertThat(spec(named(generation, "p-labelled")).path("subject")).isEqualTo(Yaml.read(
                "namespaces: {matchLabels: {tenant: a}}"));
        assertThat(spec(named(generation, "p-several")).path("subject")).isEqualTo(Yaml.read("pods: {namespaceSelector:"
                + " {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [a, b]}]},"
                + " podSelector: {matchLabels: {role: x}}}"));
        assertThat(spec(named(generation, "p-everywhere")).path("subject")).isEqualTo(Yaml.read(
                "pods: {namespaceSelector: {}, podSelector: {matchLabels: {role: x}}}"));
        assertSpec(named(generation, "p-workload"), """
                tier: Admin
                priority: 5
                subject:
                  pods:
                    namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                    podSelector: {matchLabels: {app: web}}
                egress:
                - name: workload
                  action: Deny
                  to:
                  - pods:
                      namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}
                      podSelector: {matchLabels: {app: db}}
                  protocols:
                  - tcp: {destinationPort: {number: 5432}}
                """);
    }

    @Test
    void several_subjects_give_one_policy_each_with_the_same_rule() {
        PolicySet set = policySet("p").intents(guardrail("no-db").admin(7).deny().egressFrom(WEB, namespace("jobs"))
                .to(DB).on(tcp(5432))).build();
        Generation generation = kubernetesCnp(set);
        assertSchemaValid(generation);
        assertThat(generation.resources()).extracting(Resource::name).containsExactly("p-no-db-1", "p-no-db-2");
        assertThat(spec(named(generation, "p-no-db-1")).path("egress"))
                .isEqualTo(spec(named(generation, "p-no-db-2")).path("egress"));
        assertThat(spec(named(generation, "p-no-db-1")).path("priority").asInt()).isEqualTo(7);
    }

    @Test
    void actions_are_accept_deny_and_pass_in_both_tiers() {
        PolicySet set = policySet("p").intents(
                guardrail("a").admin(0).allow().egressFrom(WEB).to(DB).on(tcp(1)),
                guardrail("b").admin(1000).pass().egressFrom(WEB).to(DB).on(tcp(2)),
                guardrail("c").baseline(0).deny().egressFrom(WEB).to(DB).on(tcp(3)),
                guardrail("d").baseline(1000).pass().egressFrom(WEB).to(DB).on(tcp(4))).build();
        Generation generation = kubernetesCnp(set);
        assertSchemaValid(generation);
        assertThat(generation.resources()).extracting(resource -> spec(resource).path("tier").asString() + " "
                + spec(resource).path("priority").asInt() + " " + spec(resource).path("egress").get(0).path("action")
                .asString()).containsExactly("Admin 0 Accept", "Admin 1000 Pass", "Baseline 0 Deny", "Baseline 1000 Pass");
    }

    @Test
    void ports_are_written_as_protocols_with_a_required_destination_port() {
        // given every kind of port, towards a workload that declares its named port
        PolicySet set = policySet("p").intents(guardrail("ports").admin(1).deny().ingressTo(WEB).from(namespace("x"))
                .on(tcp(443), tcpRange(6000, 6100), allUdpPorts(), sctp(3868), tcp("http"))).build();
        // then every port but the named one has a destinationPort: a number, or a range (1-65535 for all ports)
        assertSpec(only(kubernetesCnp(set)), """
                tier: Admin
                priority: 1
                subject:
                  pods:
                    namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                    podSelector: {matchLabels: {app: web}}
                ingress:
                - name: ports
                  action: Deny
                  from:
                  - namespaces: {matchLabels: {kubernetes.io/metadata.name: x}}
                  protocols:
                  - sctp: {destinationPort: {number: 3868}}
                  - tcp: {destinationPort: {number: 443}}
                  - tcp: {destinationPort: {range: {start: 6000, end: 6100}}}
                  - destinationNamedPort: http
                  - udp: {destinationPort: {range: {start: 1, end: 65535}}}
                """);
    }

    @Test
    void any_traffic_leaves_the_protocols_out() {
        PolicySet set = policySet("p").intents(guardrail("all").admin(1).deny().egressFrom(WEB).to(DB)
                .on(tcp(80), anyTraffic())).build();
        JsonNode rule = spec(only(kubernetesCnp(set))).path("egress").get(0);
        assertThat(rule.has("protocols")).isFalse();
        assertThat(rule.path("to")).isNotEmpty();
    }

    @Test
    void egress_to_anywhere_is_every_address_and_covers_the_pods_too() {
        PolicySet set = policySet("p").intents(guardrail("quarantine").admin(1).deny().egressFrom(WEB)
                .to(DB, anywhere()).on(anyTraffic())).build();
        assertThat(spec(only(kubernetesCnp(set))).path("egress").get(0).path("to"))
                .isEqualTo(Yaml.read("[{networks: [0.0.0.0/0, '::/0']}]"));
    }

    @Test
    void egress_to_cidrs_and_pods_lists_pods_first_then_networks() {
        PolicySet set = policySet("p").intents(guardrail("internal").admin(1).deny().egressFrom(WEB)
                .to(cidr("2001:DB8::/32"), DB, cidr("10.0.0.0/8")).on(tcp(22))).build();
        assertThat(spec(only(kubernetesCnp(set))).path("egress").get(0).path("to")).isEqualTo(Yaml.read("""
                - pods:
                    namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}
                    podSelector: {matchLabels: {app: db}}
                - networks: [10.0.0.0/8, '2001:db8::/32']
                """));
    }

    @Test
    void more_than_25_networks_are_split_into_several_peers() {
        // given 30 blocks
        List<Peer> blocks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            blocks.add(cidr("10." + i + ".0.0/16"));
        }
        PolicySet set = policySet("p").intents(guardrail("many").admin(1).deny().egressFrom(WEB)
                .to(blocks.get(0), blocks.subList(1, 30).toArray(Peer[]::new)).on(anyTraffic())).build();
        // then the rule has two networks peers of 25 and 5, in canonical order
        JsonNode to = spec(only(kubernetesCnp(set))).path("egress").get(0).path("to");
        assertThat(to).hasSize(2);
        assertThat(to.get(0).path("networks")).hasSize(25);
        assertThat(to.get(1).path("networks")).hasSize(5);
        assertThat(to.get(0).path("networks").get(0).asString()).isEqualTo("10.0.0.0/16");
    }

    @Test
    void a_service_account_is_matched_by_its_workloads_labels_when_accepted() {
        PolicySet set = policySet("p").workloads(WEB).intents(guardrail("sa").admin(1).deny()
                .egressFrom(serviceAccount("shop", "web")).to(DB).on(tcp(5432))
                .accepting(Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS)).build();
        Generation generation = kubernetesCnp(set);
        assertThat(spec(only(generation)).path("subject")).isEqualTo(Yaml.read(
                "pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}},"
                        + " podSelector: {matchLabels: {app: web}}}"));
        assertThat(generation.report().text()).contains("widened subject-service-account [cnp]: ClusterNetworkPolicy"
                + " cannot select by service account");
    }

    @Test
    void label_values_that_yaml_would_misread_stay_strings() {
        // given label values that unquoted YAML would read as a boolean, a number and null
        PolicySet set = policySet("p").intents(guardrail("odd").admin(1).deny()
                .egressFrom(pods(inNamespaces(labels("enabled", "true")), labels("version", "1.0")))
                .to(namespaces(labels("tier", "null").and("on", "0755"))).on(anyTraffic())).build();
        // when
        Generation generation = kubernetesCnp(set);
        // then they are quoted, read back as the same strings, and valid
        assertThat(generation.stream()).contains("enabled: \"true\"", "version: \"1.0\"", "tier: \"null\"",
                "\"on\": \"0755\"");
        JsonNode spec = spec(only(generation));
        assertThat(spec.path("subject").path("pods").path("namespaceSelector").path("matchLabels").path("enabled")
                .isString()).isTrue();
        assertThat(spec.path("egress").get(0).path("to").get(0).path("namespaces").path("matchLabels").path("on")
                .asString()).isEqualTo("0755");
    }

    @Test
    void a_guardrail_enforced_at_both_sides_gives_one_policy_per_side() {
        // given a guardrail built directly with both sides (the DSL's guardrail(...) names one)
        Connection both = new Connection("both", Tier.ADMIN, 3, Action.DENY, List.of(namespace("a")),
                List.of(namespace("b")), List.of(anyTraffic()), List.of(), List.of(),
                Set.of(Direction.INGRESS, Direction.EGRESS), Origin.unknown());
        Generation generation = kubernetesCnp(policySet("p").intents(both).build());
        assertSchemaValid(generation);
        assertThat(generation.resources()).extracting(Resource::name).containsExactly("p-both-egress", "p-both-ingress");
        assertThat(spec(named(generation, "p-both-ingress")).path("subject")).isEqualTo(Yaml.read(
                "namespaces: {matchLabels: {kubernetes.io/metadata.name: b}}"));
    }

    @Test
    void an_accepted_audit_writes_nothing() {
        PolicySet set = policySet("p").intents(guardrail("watch").admin(1).audit().egressFrom(WEB).to(DB)
                .on(anyTraffic()).accepting(Downgrade.AUDIT_NOT_RECORDED)).build();
        Generation generation = kubernetesCnp(set);
        assertThat(generation.resources()).isEmpty();
        assertThat(generation.report().text()).contains("unsupported admin-audit [cnp]: ClusterNetworkPolicy has no"
                + " audit action: nothing is recorded for this guardrail; no access changes (accepted:"
                + " audit-not-recorded)");
    }

    @Test
    void an_unaccepted_audit_is_refused() {
        PolicySet set = policySet("p").intents(guardrail("watch").baseline(1).audit().egressFrom(WEB).to(DB)
                .on(anyTraffic())).build();
        assertThatThrownBy(() -> kubernetesCnp(set)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("unsupported baseline-audit [cnp]: ClusterNetworkPolicy has no audit action")
                .hasMessageContaining("fix: use calico or a +istio target, or accept Downgrade.AUDIT_NOT_RECORDED");
    }
}
