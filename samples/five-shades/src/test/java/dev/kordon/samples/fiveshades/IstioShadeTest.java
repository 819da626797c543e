package dev.kordon.samples.fiveshades;

import static dev.kordon.samples.fiveshades.ProductionWorkloads.API;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.BACKEND;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;

import dev.kordon.generators.Fidelity;
import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

/** Shade 5 on Kubernetes NetworkPolicy with the Istio mesh, and on the intent. */
@KordonTest(policies = IstioShade.class, cluster = "k8s/", targets = "kubernetes+istio")
class IstioShadeTest {

    @ReachabilityTest
    void no_request_without_the_admin_claim_reaches_the_backend(Reachability net) {
        // A probe carries no JWT: the condition role=admin cannot hold, so even the frontend's admin requests are
        // denied; so is every other method, path and client.
        assertThat(net).denies(from(FRONTEND).to(BACKEND).get("/api/admin/users").port(8080),
                from(FRONTEND).to(BACKEND).delete("/api/admin/users").port(8080),
                from(FRONTEND).to(BACKEND).get("/api/public").port(8080),
                from(API).to(BACKEND).get("/api/admin/users").port(8080));
    }

    @ReachabilityTest(targets = "kubernetes+istio")
    void beneath_the_mesh_network_policy_matches_the_frontends_account_by_its_pod_labels(Reachability net) {
        assertThat(net).fidelity().reports("backend-admin", Fidelity.WIDENED);
    }

    @ReachabilityTest
    void the_target_means_what_the_intent_means(Reachability net) {
        assertThat(net).isFaithfullyRendered();
    }
}
