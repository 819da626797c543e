package dev.kordon.samples.shop;

import static dev.kordon.samples.shop.ShopWorkloads.BACKEND;
import static dev.kordon.samples.shop.ShopWorkloads.DATABASE;
import static dev.kordon.samples.shop.ShopWorkloads.FRONTEND;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.anyPodIn;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.ip;
import static dev.kordon.testing.Probes.to;

import dev.kordon.generators.Fidelity;
import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

/**
 * The shop's reachability, proven on the targets the shop deploys to and on the intent itself: each test runs once
 * per target, on the manifests Kordon generates for it, simulated on the shop's real workloads ({@code k8s/}).
 */
@KordonTest(policies = ShopPolicies.class, cluster = "k8s/", targets = {"cilium", "calico", "kubernetes+istio"})
class ShopNetworkTest {

    @ReachabilityTest
    void browsers_reach_the_storefront(Reachability net) {
        assertThat(net).allows(from(ip("203.0.113.7")).to(FRONTEND).port(8080));
        assertThat(net).denies(from(ip("203.0.113.7")).to(BACKEND).port(8080));
    }

    @ReachabilityTest(targets = {"cilium", "kubernetes+istio", "intent"})
    void the_frontend_reads_the_api_and_places_orders_only(Reachability net) {
        assertThat(net).allows(from(FRONTEND).to(BACKEND).get("/api/users").port(8080),
                from(FRONTEND).to(BACKEND).post("/api/orders").port(8080));
        assertThat(net).denies(from(FRONTEND).to(BACKEND).post("/api/users").port(8080),
                from(FRONTEND).to(BACKEND).delete("/api/orders").port(8080));
    }

    @ReachabilityTest(targets = "calico")
    void calico_without_application_layer_policy_enforces_the_api_port_only(Reachability net) {
        // The intent accepted Downgrade.L4_ONLY: without Calico's Application Layer Policy the HTTP rules are not
        // enforced, and the fidelity report says so.
        assertThat(net).allows(from(FRONTEND).to(BACKEND).post("/api/users").port(8080));
        assertThat(net).fidelity().reports("allow-sa-frontend-to-backend", Fidelity.WIDENED);
    }

    @ReachabilityTest
    void only_the_backend_reaches_the_database(Reachability net) {
        assertThat(net.workload(DATABASE)).allowsOnly(from(BACKEND).port(5432), to("kube-system/coredns").udp(53),
                to("kube-system/coredns").tcp(53));
        assertThat(net).denies(from(anyPodIn("kube-system")).to(DATABASE).port(5432));
    }

    @ReachabilityTest
    void the_backend_and_database_are_isolated(Reachability net) {
        assertThat(net.workload(BACKEND)).isIsolated();
        assertThat(net.workload(DATABASE)).isIsolated();
    }

    @ReachabilityTest
    void every_target_renders_the_intent_faithfully(Reachability net) {
        assertThat(net).isFaithfullyRendered();
    }

    @ReachabilityTest
    void the_reachability_is_reviewed(Reachability net) {
        // src/test/resources/kordon-snapshots/…/<target>.txt: rewritten with -Dkordon.updateSnapshots=true
        assertThat(net).matchesSnapshot();
    }
}
