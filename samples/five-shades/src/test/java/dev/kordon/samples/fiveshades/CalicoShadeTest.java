package dev.kordon.samples.fiveshades;

import static dev.kordon.samples.fiveshades.ProductionWorkloads.API;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.API_GATEWAY;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.anyPodIn;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.ip;

import dev.kordon.generators.Fidelity;
import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

/** Shade 3 on Calico (without Application Layer Policy), and on the intent. */
@KordonTest(policies = CalicoShade.class, cluster = "k8s/", targets = "calico")
class CalicoShadeTest {

    @ReachabilityTest
    void only_the_frontend_reaches_the_api_gateway(Reachability net) {
        assertThat(net).allows(from(FRONTEND).to(API_GATEWAY).get("/api/v1/users").port(8080));
        assertThat(net).denies(from(API).to(API_GATEWAY).port(8080), from(FRONTEND).to(API_GATEWAY).udp(8080),
                from(ip("198.51.100.7")).to(API_GATEWAY).port(8080));
    }

    @ReachabilityTest(targets = "intent")
    void the_intent_allows_only_get_on_the_users_path(Reachability net) {
        assertThat(net).denies(from(FRONTEND).to(API_GATEWAY).post("/api/v1/users").port(8080),
                from(FRONTEND).to(API_GATEWAY).get("/api/v1/orders").port(8080));
    }

    @ReachabilityTest(targets = "calico")
    void calico_without_application_layer_policy_enforces_the_ports_only(Reachability net) {
        // The intent accepted Downgrade.L4_ONLY: Felix ignores the http clause unless Application Layer Policy runs,
        // so every request on the gateway's TCP ports gets through, and the fidelity report says so.
        assertThat(net).allows(from(FRONTEND).to(API_GATEWAY).post("/api/v1/users").port(8080));
        assertThat(net).fidelity().reports("api-gateway-policy", Fidelity.WIDENED);
    }

    @ReachabilityTest
    void no_one_reaches_ssh_rdp_or_postgres_of_any_pod(Reachability net) {
        assertThat(net).denies(from(FRONTEND).to("production/database").port(5432),
                from(FRONTEND).to("production/database").port(22),
                from(anyPodIn("kube-system")).to(anyPodIn("production")).port(3389),
                from(ip("198.51.100.7")).to("production/database").port(5432));
        // Ports the guardrail does not name are left to the namespaces' policies: here, open.
        assertThat(net).allows(from(FRONTEND).to("production/database").port(8080));
    }

    @ReachabilityTest
    void the_target_means_what_the_intent_means(Reachability net) {
        assertThat(net).isFaithfullyRendered();
    }
}
