package dev.kordon.samples.fiveshades;

import static dev.kordon.samples.fiveshades.ProductionWorkloads.API;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.BACKEND;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;

import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

/** Shade 4 on Cilium, and on the intent. */
@KordonTest(policies = CiliumShade.class, cluster = "k8s/", targets = "cilium")
class CiliumShadeTest {

    @ReachabilityTest
    void the_frontend_reads_the_v1_api(Reachability net) {
        assertThat(net).allows(from(FRONTEND).to(API).get("/api/v1/users").port(8080),
                from(FRONTEND).to(API).get("/api/v1/orders/42").port(8080));
    }

    @ReachabilityTest
    void any_other_method_path_port_or_client_is_denied(Reachability net) {
        assertThat(net).denies(from(FRONTEND).to(API).post("/api/v1/users").port(8080),
                from(FRONTEND).to(API).get("/api/v2/users").port(8080),
                from(FRONTEND).to(API).port(9090),
                from(BACKEND).to(API).get("/api/v1/users").port(8080));
    }

    @ReachabilityTest
    void cilium_enforces_the_intent_exactly(Reachability net) {
        assertThat(net).fidelity().isExact();
        assertThat(net).isFaithfullyRendered();
    }
}
