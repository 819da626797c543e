package dev.kordon.generators.anp;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.anp.AdminNetworkPolicyBackendTest.assertSchemaValid;
import static dev.kordon.generators.anp.AdminNetworkPolicyBackendTest.kubernetesAnp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.manifest.Yaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How guardrails are written as AdminNetworkPolicies and the BaselineAdminNetworkPolicy, and what is refused. */
class AdminNetworkPolicyMappingTest {

    private static final Workload WEB = workload("shop", "web", labels("app", "web")).withPort("http", tcp(8080));
    private static final Workload DB = workload("data", "db", labels("app", "db"));

    private static JsonNode spec(Resource resource) {
        return Yaml.read(Yaml.write(resource.body())).path("spec");
    }

    private static List<FidelityEntry> problemsOf(PolicySet set) {
        return org.junit.jupiter.api.Assertions.assertThrows(GenerationException.class, () -> kubernetesAnp(set))
                .problems();
    }

    @Test
    void an_admin_guardrail_has_a_priority_pods_subjects_and_typed_ports() {
        PolicySet set = policySet("p").intents(guardrail("ports").admin(7).pass().ingressTo(WEB).from(DB)
                .on(tcp(443), udpRange(6000, 6100), allSctpPorts())).build();
        Generation generation = kubernetesAnp(set);
        assertSchemaValid(generation);
        assertThat(spec(generation.resources().get(0))).isEqualTo(Yaml.read("""
                priority: 7
                subject:
                  pods:
                    namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                    podSelector: {matchLabels: {app: web}}
                ingress:
                - name: ports
                  action: Pass
                  from:
                  - pods:
                      namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}
                      podSelector: {matchLabels: {app: db}}
                  ports:
                  - portRange: {protocol: SCTP, start: 1, end: 65535}
                  - portNumber: {protocol: TCP, port: 443}
                  - portRange: {protocol: UDP, start: 6000, end: 6100}
                """));
    }

    @Test
    void several_subjects_give_one_admin_policy_each() {
        PolicySet set = policySet("p").intents(guardrail("no-db").admin(7).deny().egressFrom(WEB, namespace("jobs"))
                .to(DB).on(anyTraffic())).build();
        Generation generation = kubernetesAnp(set);
        assertSchemaValid(generation);
        assertThat(generation.resources()).extracting(Resource::name).containsExactly("p-no-db-1", "p-no-db-2");
        assertThat(spec(generation.resources().get(0)).path("egress").get(0).has("ports")).isFalse();
    }

    @Test
    void baseline_rules_are_ordered_by_priority_then_name_and_a_pass_is_an_allow() {
        // given baseline guardrails declared out of order, one a pass
        PolicySet set = policySet("p").intents(
                guardrail("z-deny").baseline(900).deny().ingressTo(allPods()).from(allPods()).on(anyTraffic()),
                guardrail("b-allow").baseline(100).allow().ingressTo(allPods()).from(namespace("m")).on(tcp(9090)),
                guardrail("a-allow").baseline(100).allow().ingressTo(allPods()).from(namespace("n")).on(tcp(9090)),
                guardrail("pass").baseline(0).pass().ingressTo(allPods()).from(namespace("kube-system"))
                        .on(anyTraffic())).build();
        // when
        Generation generation = kubernetesAnp(set);
        // then the singleton's rules run by priority, ties by name, and the pass is written as Allow
        assertSchemaValid(generation);
        JsonNode ingress = spec(generation.resources().get(0)).path("ingress");
        List<String> rules = new ArrayList<>();
        ingress.forEach(rule -> rules.add(rule.path("name").asString() + ":" + rule.path("action").asString()));
        assertThat(rules).containsExactly("pass:Allow", "a-allow:Allow", "b-allow:Allow", "z-deny:Deny");
        assertThat(spec(generation.resources().get(0)).has("priority")).isFalse();
    }

    @Test
    void refuses_baseline_guardrails_with_different_subjects() {
        PolicySet set = policySet("p").intents(
                guardrail("shop-deny").baseline(10).deny().ingressTo(namespace("shop")).from(allPods()).on(tcp(22)),
                guardrail("all-deny").baseline(20).deny().ingressTo(allPods()).from(allPods()).on(tcp(23))).build();
        assertThat(problemsOf(set)).extracting(problem -> problem.intent() + ": " + problem.describe()).containsExactly(
                "all-deny: unsupported baseline-deny [anp]: BaselineAdminNetworkPolicy is a singleton (named default)"
                        + " whose one subject applies to all its rules, but the baseline guardrails of policy set 'p'"
                        + " are enforced at 2 different pod selections\n"
                        + "  fix: give every baseline guardrail of the set the same subject pods (such as allPods()),"
                        + " or use kubernetes+cnp, where each baseline guardrail is a ClusterNetworkPolicy of its own",
                "shop-deny: unsupported baseline-deny [anp]: BaselineAdminNetworkPolicy is a singleton (named default)"
                        + " whose one subject applies to all its rules, but the baseline guardrails of policy set 'p'"
                        + " are enforced at 2 different pod selections\n"
                        + "  fix: give every baseline guardrail of the set the same subject pods (such as allPods()),"
                        + " or use kubernetes+cnp, where each baseline guardrail is a ClusterNetworkPolicy of its own");
    }

    @Test
    void refuses_more_baseline_rules_than_the_singleton_holds() {
        List<Connection> guardrails = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            guardrails.add(guardrail("deny-" + i).baseline(i).deny().ingressTo(allPods()).from(allPods())
                    .on(tcp(1000 + i)));
        }
        List<FidelityEntry> problems = problemsOf(policySet("p").intents(guardrails).build());
        assertThat(problems).hasSize(101);
        assertThat(problems.get(0).reason()).isEqualTo("the 101 baseline ingress guardrails of policy set 'p' would be"
                + " rules of the one BaselineAdminNetworkPolicy, which allows at most 100");
    }

    @Test
    void refuses_named_ports_which_only_the_experimental_channel_has() {
        PolicySet set = policySet("p").intents(guardrail("web").admin(1).deny().ingressTo(WEB).from(allPods())
                .on(tcp("http"))).build();
        assertThat(problemsOf(set)).singleElement().satisfies(problem -> assertThat(problem.describe()).isEqualTo(
                "unsupported port-named [anp]: namedPort exists only in AdminNetworkPolicy's experimental channel;"
                        + " Kordon writes the standard channel\n  fix: use a port number, or kubernetes+cnp"));
    }

    @Test
    void refuses_to_deny_ingress_from_anywhere() {
        PolicySet set = policySet("p").intents(guardrail("ssh").admin(1).deny().ingressTo(allPods())
                .from(anywhere()).on(tcp(22))).build();
        assertThat(problemsOf(set)).singleElement().satisfies(problem -> assertThat(problem.reason()).startsWith(
                "AdminNetworkPolicy ingress rules can name only pods and namespaces as sources, so anywhere()"));
    }

    @Test
    void declares_every_feature_in_both_roles() {
        AdminNetworkPolicyBackend backend = new AdminNetworkPolicyBackend();
        for (Role role : List.of(Role.COMPLETE, Role.TRANSPORT)) {
            for (Feature feature : Feature.values()) {
                assertThat(backend.capabilities(role).of(feature)).as("%s in %s", feature, role).isNotNull();
            }
        }
        assertThat(backend.capabilities(Role.TRANSPORT).of(Feature.HTTP_PATH_PREFIX).fidelity())
                .isEqualTo(Fidelity.EXACT);
        assertThat(backend.capabilities(Role.COMPLETE).of(Feature.HTTP_PATH_PREFIX).fidelity())
                .isEqualTo(Fidelity.UNSUPPORTED);
    }
}
