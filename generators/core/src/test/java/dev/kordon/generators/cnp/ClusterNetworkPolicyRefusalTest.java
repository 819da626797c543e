package dev.kordon.generators.cnp;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cnp.ClusterNetworkPolicyBackendTest.kubernetesCnp;
import static dev.kordon.generators.cnp.ClusterNetworkPolicyMappingTest.DB;
import static dev.kordon.generators.cnp.ClusterNetworkPolicyMappingTest.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.GenerationException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;

/** What the kubernetes+cnp target refuses in guardrails, each with its reason and fix. */
class ClusterNetworkPolicyRefusalTest {

    private static ListAssert<FidelityEntry> problemsOf(PolicySet set) {
        GenerationException refusal = org.junit.jupiter.api.Assertions.assertThrows(GenerationException.class,
                () -> kubernetesCnp(set));
        return assertThat(refusal.problems());
    }

    @Test
    void refuses_to_deny_ingress_from_anywhere_as_only_pods_could_be_named() {
        // given the article's Calico guardrail: nobody may reach these ports, from anywhere
        PolicySet set = policySet("p").intents(guardrail("deny-sensitive-ports").admin(10).deny()
                .ingressTo(allPods()).from(anywhere()).on(tcp(22), tcp(3389), tcp(5432))).build();
        // then writing every pod instead would leave nodes and the world free to connect: wider, and refused
        problemsOf(set).singleElement().satisfies(problem -> assertThat(problem.describe()).isEqualTo("widened"
                + " peer-anywhere [cnp]: ClusterNetworkPolicy ingress rules can name only pods and namespaces as"
                + " sources, so anywhere() could only be written as every pod (namespaces: {}): traffic from nodes,"
                + " host-network pods and outside the cluster would not be denied (wider)\n"
                + "  fix: write from(allPods()) if pods are what you mean, or use calico or cilium, which match every"
                + " source"));
    }

    @Test
    void refuses_to_allow_ingress_from_anywhere_as_narrower() {
        PolicySet set = policySet("p").intents(guardrail("open-web").admin(10).allow()
                .ingressTo(WEB).from(anywhere()).on(tcp(8080))).build();
        problemsOf(set).singleElement().satisfies(problem -> {
            assertThat(problem.fidelity()).hasToString("narrowed");
            assertThat(problem.reason()).endsWith("would not be allowed by it (narrower)");
        });
    }

    @Test
    void refuses_ingress_from_addresses_and_the_world() {
        PolicySet set = policySet("p").intents(
                guardrail("from-office").admin(10).deny().ingressTo(WEB).from(cidr("192.0.2.0/24")).on(tcp(22)),
                guardrail("from-world").admin(11).deny().ingressTo(WEB).from(world()).on(tcp(22))
                        .accepting(Downgrade.WORLD_AS_ALL_ADDRESSES)).build();
        problemsOf(set).extracting(FidelityEntry::describe).containsExactly(
                "unsupported peer-cidr [cnp]: ClusterNetworkPolicy ingress rules can name only pods and namespaces as"
                        + " sources, not addresses (cidr(192.0.2.0/24))\n"
                        + "  fix: use calico or cilium, which match ingress from addresses",
                "unsupported peer-world [cnp]: ClusterNetworkPolicy ingress rules can name only pods and namespaces as"
                        + " sources, not the world\n"
                        + "  fix: use calico or cilium, which match ingress from addresses");
    }

    @Test
    void refuses_what_only_the_experimental_channel_or_no_channel_has() {
        PolicySet set = policySet("p").intents(
                guardrail("to-nodes").admin(1).deny().egressFrom(WEB).to(allNodes()).on(tcp(10250)),
                guardrail("to-dns").admin(2).allow().egressFrom(WEB).to(dnsName("*.example.com")).on(tcp(443)),
                guardrail("to-api").admin(3).deny().egressFrom(WEB).to(kubeApiServer()).on(tcp(443)),
                guardrail("to-net").admin(4).deny().egressFrom(WEB).to(cidr("10.0.0.0/8").except("10.1.0.0/16"))
                        .on(tcp(443))).build();
        problemsOf(set).extracting(problem -> problem.intent() + ": " + problem.feature() + ": " + problem.reason())
                .containsExactly(
                        "to-api: peer-kube-apiserver: ClusterNetworkPolicy cannot select the API server",
                        "to-dns: peer-dns-wildcard: domainNames peers exist only in ClusterNetworkPolicy's experimental"
                                + " channel (and only in accept rules); Kordon writes the standard channel",
                        "to-net: peer-cidr-except: ClusterNetworkPolicy networks have no exceptions",
                        "to-nodes: peer-nodes: nodes peers exist only in ClusterNetworkPolicy's experimental channel;"
                                + " Kordon writes the standard channel");
    }

    @Test
    void refuses_http_guardrails_at_l3_l4() {
        PolicySet set = policySet("p").intents(guardrail("no-item-writes").admin(1).deny().ingressTo(WEB)
                .from(allPods()).on(tcp(8080)).requests(POST("/v1.0/items+x"))).build();
        problemsOf(set).extracting(problem -> problem.feature().id()).containsExactly("http-method", "http-path-exact");
        assertThatThrownBy(() -> kubernetesCnp(set)).hasMessageContaining("unsupported http-path-exact [cnp]:"
                + " ClusterNetworkPolicy matches only L3/L4: it cannot see HTTP requests or request identity\n"
                + "    fix: add istio to the target (kubernetes+cnp+istio), or state the guardrail for whole ports");
    }

    @Test
    void refuses_a_dry_run_set() {
        PolicySet set = policySet("p").dryRun(true).intents(guardrail("g").admin(1).deny().egressFrom(WEB).to(DB)
                .on(anyTraffic())).build();
        problemsOf(set).singleElement().satisfies(problem -> assertThat(problem.describe()).isEqualTo(
                "unsupported dry-run [cnp]: ClusterNetworkPolicy has no dry run\n"
                        + "  fix: use calico, cilium or a +istio target, or generate the set without dryRun(true)"));
    }

    @Test
    void refuses_a_service_account_no_declared_workload_runs_as_even_when_accepted() {
        PolicySet set = policySet("p").intents(guardrail("ghost").admin(1).deny()
                .egressFrom(serviceAccount("shop", "ghost")).to(DB).on(anyTraffic())
                .accepting(Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS)).build();
        problemsOf(set).singleElement().satisfies(problem -> assertThat(problem.describe()).isEqualTo(
                "unsupported subject-service-account [cnp]: no declared workload runs as service account shop/ghost,"
                        + " so ClusterNetworkPolicy has no pod labels to select it by\n"
                        + "  fix: declare its workloads with .withServiceAccount(\"ghost\") (in the intents or with"
                        + " workloads(...)), or use calico, cilium or a +istio target"));
    }

    @Test
    void refuses_a_named_port_towards_addresses() {
        PolicySet set = policySet("p").intents(guardrail("mixed").admin(1).deny().egressFrom(namespace("x"))
                .to(WEB, cidr("10.0.0.0/8")).on(tcp("http"))).build();
        problemsOf(set).singleElement().satisfies(problem -> assertThat(problem.reason()).isEqualTo("named ports"
                + " exist only on pods, and ClusterNetworkPolicy cannot combine them with address peers (networks) in"
                + " one rule"));
    }

    @Test
    void refuses_to_allow_a_named_port_whose_protocol_is_unknown() {
        // given a named port on pods that do not declare it: the API matches the name whatever the protocol
        PolicySet set = policySet("p").intents(guardrail("metrics").admin(1).allow().ingressTo(allPods())
                .from(namespace("monitoring")).on(tcp("metrics"))).build();
        problemsOf(set).singleElement().satisfies(problem -> {
            assertThat(problem.fidelity()).hasToString("widened");
            assertThat(problem.reason()).isEqualTo("ClusterNetworkPolicy matches a named port by its name only,"
                    + " whatever its protocol: pods whose port 'metrics' is not TCP would be allowed too (wider)");
        });
    }

    @Test
    void refuses_a_rule_with_more_than_25_peers() {
        List<Peer> workloads = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            workloads.add(Workload.of("ns" + i, "app", labels("app", "a")));
        }
        PolicySet set = policySet("p").intents(guardrail("wide").admin(1).deny().egressFrom(WEB)
                .to(workloads.get(0), workloads.subList(1, 26).toArray(Peer[]::new)).on(anyTraffic())).build();
        problemsOf(set).singleElement().satisfies(problem -> assertThat(problem.describe()).isEqualTo(
                "unsupported egress [cnp]: the egress rule would need 26 peers, and ClusterNetworkPolicy allows at most"
                        + " 25\n  fix: split the guardrail into several with the same tier, priority and action"));
    }
}
