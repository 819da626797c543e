package dev.kordon.generators.cilium;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cilium.CiliumTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.Fixtures;
import dev.kordon.generators.Generation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Isolation, denies, guardrails, audit and dry run: what Cilium's untiered policies can and cannot say. */
class CiliumTiersTest {

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));
    private static final Workload DB = workload("shop", "db", labels("app", "db"));

    @Test
    void isolation_is_a_rule_that_selects_nothing() {
        PolicySet set = policySet("x").intents(isolate(WEB).ingress()).build();
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: web}}
                ingress: [{}]
                """);
    }

    @Test
    void a_deny_switches_default_deny_off_so_that_it_does_not_isolate() {
        // given an application deny enforced at both sides
        PolicySet set = policySet("x").intents(deny(WEB).to(DB).on(tcp(9090))).build();
        // when
        Generation generation = cilium(set);
        // then each side denies with enableDefaultDeny false for its direction (Cilium's default would isolate)
        assertSpec(file(generation, "shop/ciliumnetworkpolicy-x-deny-web-to-db-egress.yaml"), """
                endpointSelector: {matchLabels: {app: web}}
                egressDeny:
                - toEndpoints: [{matchLabels: {app: db}}]
                  toPorts: [{ports: [{port: "9090", protocol: TCP}]}]
                enableDefaultDeny: {egress: false}
                """);
        assertSpec(file(generation, "shop/ciliumnetworkpolicy-x-deny-web-to-db-ingress.yaml"), """
                endpointSelector: {matchLabels: {app: db}}
                ingressDeny:
                - fromEndpoints: [{matchLabels: {app: web}}]
                  toPorts: [{ports: [{port: "9090", protocol: TCP}]}]
                enableDefaultDeny: {ingress: false}
                """);
    }

    @Test
    void an_admin_deny_is_a_clusterwide_deny_of_every_pod() {
        // when the article's Calico guardrail (no access to TCP 22, 3389, 5432 of any pod) is generated for cilium
        Generation generation = cilium(Fixtures.seedDenySensitivePorts());
        // then it is one cluster-wide deny, from anywhere, that does not isolate
        assertSpec(single(generation), """
                endpointSelector:
                  matchExpressions: [{key: "k8s:io.kubernetes.pod.namespace", operator: Exists}]
                ingressDeny:
                - fromEntities: [all]
                  toPorts:
                  - ports: [{port: "22", protocol: TCP}, {port: "3389", protocol: TCP}, {port: "5432", protocol: TCP}]
                enableDefaultDeny: {ingress: false}
                """);
        assertThat(single(generation).file()).isEqualTo(
                "_cluster/ciliumclusterwidenetworkpolicy-seed-deny-sensitive-ports-ingress.yaml");
    }

    @Test
    void an_admin_deny_of_any_traffic_to_a_cidr_has_no_ports() {
        Generation generation = cilium(Fixtures.seedBlockMaliciousNetwork());
        assertSpec(single(generation), """
                endpointSelector:
                  matchExpressions: [{key: "k8s:io.kubernetes.pod.namespace", operator: Exists}]
                egressDeny: [{toCIDRSet: [{cidr: 203.0.113.0/24}]}]
                enableDefaultDeny: {egress: false}
                """);
    }

    @Test
    void a_guardrail_of_a_named_namespace_is_clusterwide_so_that_its_owners_cannot_delete_it() {
        PolicySet set = policySet("x").intents(guardrail("no-ssh").admin(1).deny().ingressTo(namespace("shop"))
                .from(anywhere()).on(tcp(22))).build();
        Generation generation = cilium(set);
        assertFiles(generation).containsExactly("_cluster/ciliumclusterwidenetworkpolicy-x-no-ssh-ingress.yaml");
        assertSpec(single(generation), """
                endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}}
                ingressDeny: [{fromEntities: [all], toPorts: [{ports: [{port: "22", protocol: TCP}]}]}]
                enableDefaultDeny: {ingress: false}
                """);
    }

    @Test
    void refuses_an_admin_allow_that_any_deny_would_beat() {
        PolicySet set = policySet("x").intents(guardrail("allow-monitoring").admin(5).allow()
                .ingressTo(allPods()).from(namespace("monitoring")).on(tcp(9090))).build();
        assertThat(refusals(set)).singleElement().satisfies(problem -> {
            assertThat(problem.feature().id()).isEqualTo("admin-allow");
            assertThat(problem.describe()).contains("Cilium policies have no tiers or priorities: an admin allow"
                    + " would be one more allow, which any deny of the same traffic (an application deny, an admin"
                    + " deny of a later priority) beats, so traffic the guardrail should allow would be denied"
                    + " (narrower)").contains("fix: use calico or kubernetes+cnp");
        });
    }

    @Test
    void refuses_a_pass_and_a_baseline_deny() {
        PolicySet set = policySet("x").intents(
                guardrail("monitoring-decided-by-teams").admin(5).pass().ingressTo(allPods())
                        .from(namespace("monitoring")).on(tcp(9090)),
                guardrail("baseline-deny-cross-namespace").baseline(1000).deny().ingressTo(allPods()).from(allPods())
                        .on(anyTraffic())).build();
        assertThat(refusals(set)).extracting(problem -> problem.intent() + ": " + problem.feature().id())
                .containsExactly("baseline-deny-cross-namespace: baseline-deny",
                        "monitoring-decided-by-teams: admin-pass");
        assertThat(refusals(set).get(0).reason()).contains("a baseline deny would be a Cilium deny, which beats the"
                + " application allows that should override it (narrower)");
    }

    @Test
    void a_baseline_allow_or_pass_writes_nothing_and_isolates_nothing() {
        PolicySet set = policySet("x").intents(
                guardrail("dns-by-default").baseline(10).allow().egressFrom(allPods()).to(KUBE_DNS)
                        .on(udp(53)),
                guardrail("rest-to-default").baseline(20).pass().egressFrom(allPods()).to(world()).on(anyTraffic()))
                .build();
        Generation generation = cilium(set);
        assertThat(generation.resources()).isEmpty();
        assertThat(generation.report().entries()).isEmpty();
    }

    @Test
    void an_audit_is_refused_unless_it_accepts_not_being_recorded() {
        PolicySet refused = policySet("x").intents(audit(WEB).to(DB).on(tcp(8080))).build();
        assertThat(refusals(refused)).singleElement().satisfies(problem -> assertThat(problem.describe())
                .isEqualTo("unsupported application-audit [cilium]: Cilium cannot observe without enforcing (its"
                        + " audit mode is per agent or per endpoint, not per policy): nothing is recorded for this"
                        + " intent; no access changes\n  fix: use calico, or accept"
                        + " Downgrade.AUDIT_NOT_RECORDED"));
        PolicySet accepted = policySet("x").intents(audit(WEB).to(DB).on(tcp(8080))
                .accepting(Downgrade.AUDIT_NOT_RECORDED)).build();
        Generation generation = cilium(accepted);
        assertThat(generation.resources()).isEmpty();
        assertThat(generation.report().entries()).extracting(FidelityEntry::accepted).containsExactly(true);
    }

    @Test
    void refuses_a_dry_run() {
        PolicySet set = policySet("x").dryRun(true).intents(isolate(WEB).ingress()).build();
        assertThat(refusals(set)).extracting(problem -> problem.feature().id()).containsExactly("dry-run");
    }

    @Test
    void jwt_conditions_are_left_out_only_when_the_intent_accepts_it_and_the_http_rules_stay() {
        // given an intent with an HTTP rule and a JWT claim
        PolicySet refused = policySet("x").intents(WEB.accepts(GET("/admin/*")).from(DB).on(tcp(8080))
                .when(jwtClaim("role").anyOf("admin"))).build();
        assertThat(refusals(refused)).extracting(problem -> problem.feature().id()).containsExactly("jwt-claim");
        // when it accepts l4-only
        PolicySet accepted = policySet("x").intents(WEB.accepts(GET("/admin/*")).from(DB).on(tcp(8080))
                .when(jwtClaim("role").anyOf("admin")).accepting(Downgrade.L4_ONLY)).build();
        Generation generation = cilium(accepted);
        // then the HTTP rule is still enforced; only the claim is missing (reported as widened)
        assertSpec(single(generation), """
                endpointSelector: {matchLabels: {app: web}}
                ingress:
                - fromEndpoints: [{matchLabels: {app: db}}]
                  toPorts: [{ports: [{port: "8080", protocol: TCP}], rules: {http: [{path: "/admin/.*", method: GET}]}}]
                """);
        assertThat(generation.report().text()).contains("widened jwt-claim [cilium]: Cilium cannot check JWTs:"
                + " requests are allowed whatever their token (the intent's HTTP rules still apply) (accepted:"
                + " l4-only)");
    }

    @Test
    void refuses_a_deny_of_http_requests_which_a_cilium_deny_would_widen_to_the_port() {
        PolicySet set = policySet("x").intents(deny(WEB).to(DB).on(tcp(8080)).requests(DELETE("/api/*"))
                .onlyIngress()).build();
        List<FidelityEntry> problems = refusals(set);
        assertThat(problems).extracting(problem -> problem.feature().id()).containsExactly("application-deny");
        assertThat(problems.get(0).reason()).isEqualTo("Cilium deny rules cannot carry HTTP rules or request"
                + " conditions, and a deny of the whole port would also deny the other requests (narrower)");
    }

    @Test
    void under_a_mesh_a_deny_of_http_requests_is_left_to_the_mesh() {
        PolicySet set = policySet("x").intents(deny(WEB).to(DB).on(tcp(8080)).requests(DELETE("/api/*"))
                .onlyIngress()).build();
        Generation generation = transport(set);
        assertThat(generation.resources()).isEmpty();
        assertThat(generation.report().entries()).isEmpty();
    }

    @Test
    void under_a_mesh_jwt_conditions_and_http_rules_are_the_meshs_and_the_port_stays_allowed() {
        PolicySet set = policySet("x").intents(WEB.accepts(GET("/admin/*")).from(DB).on(allTcpPorts())
                .when(requestPrincipal("https://issuer.example/*"))).build();
        Generation generation = transport(set);
        assertSpec(single(generation), """
                endpointSelector: {matchLabels: {app: web}}
                ingress: [{fromEndpoints: [{matchLabels: {app: db}}], toPorts: [{ports: [{port: "0", protocol: TCP}]}]}]
                """);
        assertThat(generation.report().entries()).isEmpty();
    }
}
