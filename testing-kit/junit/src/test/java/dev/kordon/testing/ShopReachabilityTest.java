package dev.kordon.testing;

import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.*;
import static dev.kordon.testing.fixture.Shop.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.generators.Fidelity;
import dev.kordon.testing.fixture.Shop;

/**
 * The kit used as an application team would: the shop's policies on three targets and the intent, each test once
 * per target. The failing checks pin the texts that docs/testing.md shows.
 */
@KordonTest(policies = Shop.class, cluster = "src/test/resources/k8s/shop.yaml",
        targets = {"cilium", "calico+istio", "kubernetes+istio"})
class ShopReachabilityTest {

    @ReachabilityTest
    void frontend_reads_the_api(Reachability net) {
        assertThat(net).allows(from(FRONTEND).to(BACKEND).get("/api/users").port(8080));
        assertThat(net).allows(from(FRONTEND).to(BACKEND).post("/api/orders").port(8080));
    }

    @ReachabilityTest
    void frontend_cannot_write_users(Reachability net) {
        assertThat(net).denies(from(FRONTEND).to(BACKEND).post("/api/users").port(8080));
    }

    @ReachabilityTest
    void only_the_backend_reaches_the_database(Reachability net) {
        assertThat(net).denies(from(FRONTEND).to(DATABASE).port(5432),
                from(anyPodIn("kube-system")).to(DATABASE).port(5432));
        assertThat(net.workload(DATABASE)).allowsOnly(from(BACKEND).port(5432), to("kube-system/coredns").udp(53),
                to("kube-system/coredns").tcp(53));
        assertThat(net.workload(DATABASE)).reachableFrom().containsExactly("shop/backend");
    }

    @ReachabilityTest
    void the_namespace_is_isolated_but_the_frontend_faces_the_world(Reachability net) {
        assertThat(net.workload(BACKEND)).isIsolated();
        assertThat(net.workload(DATABASE)).isIsolated();
        assertThat(net.workload(FRONTEND)).isIsolatedForEgress();
        assertThat(net).allows(from(ip("203.0.113.7")).to(FRONTEND).port(8080));
    }

    @ReachabilityTest
    void every_target_renders_the_intent_faithfully(Reachability net) {
        assertThat(net).isFaithfullyRendered();
    }

    @ReachabilityTest
    void the_connectivity_matches_its_snapshot(Reachability net) {
        assertThat(net).matchesSnapshot();
    }

    @ReachabilityTest(targets = "cilium")
    void cilium_enforces_the_http_rules_exactly(Reachability net) {
        assertThat(net.fidelity().orElseThrow()).isExact();
    }

    @ReachabilityTest(targets = "kubernetes+istio")
    void kubernetes_reports_what_the_accepted_downgrades_cost(Reachability net) {
        assertThat(net).fidelity().reports("allow-world-to-frontend", Fidelity.WIDENED)
                .reports("allow-sa-frontend-to-backend", Fidelity.WIDENED);
        assertThatThrownBy(() -> assertThat(net).fidelity().hasNoWidening())
                .hasMessage("Expecting kubernetes+istio to allow nothing beyond the intents, but:\n"
                        + "  shop/allow-sa-frontend-to-backend: widened peer-service-account [kubernetes]: at L3/L4"
                        + " NetworkPolicy matches a service account by the pod labels of the workloads declared with it;"
                        + " the mesh checks the identity at the destination, but egress and non-HTTP traffic are decided"
                        + " by the labels, so pods with those labels and another account match there (wider) (accepted:"
                        + " service-account-as-pod-labels)\n"
                        + "  shop/allow-world-to-frontend: widened peer-world [kubernetes]: the world is matched as"
                        + " ipBlocks 0.0.0.0/0 and ::/0, which on implementations that apply ipBlocks to cluster traffic"
                        + " also match pods and nodes (accepted: world-as-all-addresses)");
    }

    // ---- the failure messages ----------------------------------------------------------------------------------

    @ReachabilityTest(targets = "kubernetes+istio")
    void a_denied_flow_shows_its_chain_and_the_nearest_rule(Reachability net) {
        assertThatThrownBy(() -> assertThat(net).allows(from(FRONTEND).to(DATABASE).port(5432)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting shop/frontend -> shop/database TCP/5432 to be allowed on"
                        + " kubernetes+istio, but it is denied:\n  shop/frontend -> shop/database TCP/5432: denied\n"
                        + "    [generic egress networkpolicy] NetworkPolicy shop/shop-allow-frontend-to-backend-egress:"
                        + " deny - shop/frontend is isolated for egress by")
                .hasMessageContaining("nearest: NetworkPolicy shop/shop-allow-frontend-to-backend-egress rule 0:"
                        + " peer 0 (podSelector {app=backend}): pod shop/database does not match {app=backend}: it has"
                        + " app=postgres; and TCP/5432 is not in [TCP/8080]")
                .hasMessageContaining("[istio mesh ALLOW] deny - ALLOW policies apply to shop/database");
    }

    @ReachabilityTest(targets = "cilium")
    void a_wrong_http_path_is_named(Reachability net) {
        assertThatThrownBy(() -> assertThat(net).allows(from(FRONTEND).to(BACKEND).post("/api/users").port(8080)))
                .hasMessageStartingWith("Expecting shop/frontend -> shop/backend TCP/8080 POST /api/users to be allowed"
                        + " on cilium, but it is denied:")
                .hasMessageContaining("but no HTTP rule matches POST /api/users; nearest: toPorts[0].rules.http[0]"
                        + " (method GET, path /api/.*): method POST does not match GET");
    }

    @ReachabilityTest(targets = "intent")
    void an_allowed_flow_that_should_be_denied_shows_the_rule_that_allows_it(Reachability net) {
        assertThatThrownBy(() -> assertThat(net).denies(from(BACKEND).to(DATABASE).port(5432)))
                .hasMessage("Expecting shop/backend -> shop/database TCP/5432 to be denied on intent, but it is"
                        + " allowed:\n"
                        + "  shop/backend -> shop/database TCP/5432: allowed\n"
                        + "    [intent egress application] allow-backend-to-database: allow - allow matches: application"
                        + " allow workload(shop/backend {app=backend} sa=backend ports=[http=tcp/8080]) ->"
                        + " workload(shop/database {app=postgres} sa=database ports=[postgres=tcp/5432]) on tcp/5432 at"
                        + " ingress+egress\n"
                        + "    [intent ingress application] allow-backend-to-database: allow - allow matches: application"
                        + " allow workload(shop/backend {app=backend} sa=backend ports=[http=tcp/8080]) ->"
                        + " workload(shop/database {app=postgres} sa=database ports=[postgres=tcp/5432]) on tcp/5432 at"
                        + " ingress+egress");
    }

    @ReachabilityTest(targets = "calico+istio")
    void allows_only_lists_every_other_connection(Reachability net) {
        assertThatThrownBy(() -> assertThat(net.workload(DATABASE)).allowsOnly(from(BACKEND).port(5432)))
                .hasMessageStartingWith("Expecting only the probes to be allowed to and from shop/database on"
                        + " calico+istio, but 1 other connection is allowed:\n"
                        + "  shop/database[StatefulSet] => kube-system/coredns[Deployment] : TCP 53,UDP 53\n"
                        + "    shop/database -> kube-system/coredns TCP/53: allowed\n"
                        + "      [calico egress kordon] NetworkPolicy"
                        + " shop/kordon.shop-allow-shop-pods-to-kube-system-kube-dns-egress rule 0: allow");
    }

    @ReachabilityTest(targets = "kubernetes+istio")
    void a_workload_open_to_the_world_is_not_isolated(Reachability net) {
        assertThatThrownBy(() -> assertThat(net.workload(FRONTEND)).isIsolatedForIngress())
                .hasMessageStartingWith("Expecting shop/frontend to be isolated for ingress on kubernetes+istio, but a"
                        + " stranger (kordon-stranger/stranger, ip:192.0.2.1) gets through:\n"
                        + "  0.0.0.0-255.255.255.255[External] => shop/frontend[Deployment] : TCP 8080\n"
                        + "    ip:0.0.0.0 -> shop/frontend TCP/8080: allowed");
    }

    @ReachabilityTest(targets = "intent")
    void a_label_typo_names_what_the_namespace_has(Reachability net) {
        assertThatThrownBy(() -> assertThat(net).allows(from(FRONTEND_TYPO).to(BACKEND).port(8080)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workload shop/frontend {app=frontnd} matches no pod in namespace shop of the cluster;"
                        + " workloads in shop: backend {app=backend}, database {app=postgres}, frontend"
                        + " {app=frontend}; fix the workload's labels or the cluster");
    }

    @ReachabilityTest(targets = "intent")
    void an_unknown_workload_name_is_an_error(Reachability net) {
        assertThatThrownBy(() -> assertThat(net).denies(from("shop/fronted").to(DATABASE).port(5432)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no workload shop/fronted in the cluster; workloads in shop: backend {app=backend},"
                        + " database {app=postgres}, frontend {app=frontend}");
    }

    @ReachabilityTest(targets = "intent")
    void a_probe_needs_a_port(Reachability net) {
        assertThatThrownBy(() -> assertThat(net).allows(from(FRONTEND).to(BACKEND)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probe shop/frontend -> shop/backend TCP/? has no port: add .port(8080) for TCP, or"
                        + " .udp(53) / .sctp(n)");
    }

    @ReachabilityTest(targets = "intent")
    void an_assertion_without_probes_is_an_error(Reachability net) {
        assertThatThrownBy(() -> assertThat(net).allows())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no probe given: an assertion over nothing would pass vacuously");
    }
}
