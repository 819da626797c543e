package dev.kordon.samples.fiveshades;

import static dev.kordon.samples.fiveshades.ProductionWorkloads.API;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.BACKEND;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.anyPodIn;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.ip;

import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

/** Shade 1 on plain Kubernetes NetworkPolicy, and on the intent. */
@KordonTest(policies = NetworkPolicyShade.class, cluster = "k8s/", targets = "kubernetes")
class NetworkPolicyShadeTest {

    @ReachabilityTest
    void only_the_frontend_reaches_the_backend_and_only_on_8080(Reachability net) {
        assertThat(net).allows(from(FRONTEND).to(BACKEND).port(8080));
        assertThat(net).denies(from(FRONTEND).to(BACKEND).port(9090), from(API).to(BACKEND).port(8080),
                from(anyPodIn("kube-system")).to(BACKEND).port(8080));
        assertThat(net.workload(BACKEND)).reachableFrom().containsExactly("production/frontend");
    }

    @ReachabilityTest
    void no_pod_of_production_reaches_the_metadata_server(Reachability net) {
        assertThat(net).denies(from(anyPodIn("production")).to(ip("169.254.169.254")).port(80));
        // "Allow everything except a single IP": every other address, names included, is still reachable.
        assertThat(net).allows(from(anyPodIn("production")).to(ip("198.51.100.7")).port(443),
                from(FRONTEND).to("kube-system/coredns").udp(53));
    }

    @ReachabilityTest
    void the_target_means_what_the_intent_means(Reachability net) {
        assertThat(net).isFaithfullyRendered();
    }
}
