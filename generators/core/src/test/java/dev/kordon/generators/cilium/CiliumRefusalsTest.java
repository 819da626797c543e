package dev.kordon.generators.cilium;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cilium.CiliumTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.FidelityEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data-dependent refusals: labels Cilium leaves out of identities, node labels, DNS names it cannot learn or deny. */
class CiliumRefusalsTest {

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));

    @Test
    void refuses_a_pod_label_that_cilium_leaves_out_of_identities() {
        // given a peer selected by pod-template-hash, which Cilium's default filter drops
        PolicySet set = policySet("x").intents(WEB.accepts(pods(inNamespace("shop"),
                label("pod-template-hash").doesNotExist())).on(tcp(80))).build();
        // then it is refused: DoesNotExist would match every pod (wider)
        List<FidelityEntry> problems = refusals(set);
        assertThat(problems).extracting(problem -> problem.feature().id()).containsExactly("peer-pods");
        assertThat(problems.get(0).reason()).isEqualTo("Cilium's default identity-label filter leaves the pod label"
                + " 'pod-template-hash' out of security identities, so a selector on it would never match (In,"
                + " Exists: narrower) or always match (NotIn, DoesNotExist: wider)");
    }

    @Test
    void refuses_a_subject_selected_by_a_statefulset_pod_name() {
        Workload replica = workload("db", "replica-0", labels("statefulset.kubernetes.io/pod-name", "db-0"));
        PolicySet set = policySet("x").intents(isolate(replica).ingress()).build();
        assertThat(refusals(set)).extracting(problem -> problem.feature().id())
                .containsExactly("subject-in-named-namespaces");
    }

    @Test
    void refuses_a_pod_label_named_like_the_labels_cilium_derives() {
        PolicySet set = policySet("x").intents(WEB.accepts(pods(inNamespace("ops"),
                labels("io.cilium.k8s.policy.serviceaccount", "admin"))).on(tcp(80))).build();
        assertThat(refusals(set)).singleElement().satisfies(problem -> assertThat(problem.reason()).startsWith(
                "Cilium derives the identity labels named 'io.cilium.k8s.policy.serviceaccount' itself"));
    }

    @Test
    void refuses_a_namespace_label_that_cilium_leaves_out_of_identities() {
        PolicySet set = policySet("x").intents(WEB.accepts(namespaces(labels("beta.kubernetes.io/arch", "arm64")))
                .on(tcp(80))).build();
        assertThat(refusals(set)).singleElement().satisfies(problem -> {
            assertThat(problem.feature().id()).isEqualTo("peer-pods-in-labelled-namespaces");
            assertThat(problem.reason()).contains("namespace label 'beta.kubernetes.io/arch' (as"
                    + " io.cilium.k8s.namespace.labels.beta.kubernetes.io/arch)");
        });
    }

    @Test
    void accepts_the_recommended_kubernetes_labels() {
        Workload app = workload("shop", "app", labels("app.kubernetes.io/name", "web"));
        PolicySet set = policySet("x").intents(app.accepts(namespaces(labels("kubernetes.io/metadata.name", "ops")))
                .on(tcp(80))).build();
        assertThat(cilium(set).resources()).hasSize(1);
    }

    @Test
    void refuses_nodes_selected_by_labels() {
        PolicySet set = policySet("x").intents(WEB.accepts(nodes(label("node-role.kubernetes.io/control-plane")
                .exists())).on(tcp(10250))).build();
        assertThat(refusals(set)).singleElement().satisfies(problem -> {
            assertThat(problem.feature().id()).isEqualTo("peer-nodes");
            assertThat(problem.reason()).contains("enable-node-selector-labels");
        });
    }

    @Test
    void refuses_a_deny_of_dns_names() {
        PolicySet set = policySet("x").intents(deny(WEB).to(dnsName("evil.example.com"), dnsName("*.evil.io"))
                .on(tcp(443))).build();
        assertThat(refusals(set)).extracting(problem -> problem.feature().id() + ": " + problem.reason())
                .containsExactly(
                        "peer-dns-name: Cilium deny rules cannot match DNS names (egressDeny has no toFQDNs)",
                        "peer-dns-wildcard: Cilium deny rules cannot match DNS names (egressDeny has no toFQDNs)");
    }

    @Test
    void refuses_dns_names_for_pods_whose_dns_traffic_no_allow_of_the_set_covers() {
        // given DNS allowed for another namespace only
        PolicySet set = policySet("x").intents(allowDns(namespace("ops")),
                allow(WEB).to(dnsName("api.stripe.com")).on(tcp(443))).build();
        // then Cilium could not learn the name's addresses: refused, with the fix
        assertThat(refusals(set)).singleElement().satisfies(problem -> {
            assertThat(problem.feature().id()).isEqualTo("peer-dns-name");
            assertThat(problem.describe()).contains("no DNS allow of this set (an egress allow on UDP or TCP port"
                    + " 53) is enforced at every pod of workload(shop/web {app=web})").contains("fix: add"
                    + " allowDns(...) for these pods to the set");
        });
    }

    @Test
    void a_dns_allow_of_every_pod_covers_any_workload() {
        PolicySet set = policySet("x").intents(allowDns(allPods()),
                allow(WEB).to(dnsName("api.stripe.com")).on(tcp(443))).build();
        assertThat(cilium(set).resources()).hasSize(2);
    }
}
