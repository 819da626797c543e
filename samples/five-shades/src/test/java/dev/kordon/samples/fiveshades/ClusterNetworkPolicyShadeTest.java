package dev.kordon.samples.fiveshades;

import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.anyPodIn;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.ip;

import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

/** Shade 2 on ClusterNetworkPolicy, and on the intent. */
@KordonTest(policies = ClusterNetworkPolicyShade.class, cluster = "k8s/", targets = "kubernetes+cnp")
class ClusterNetworkPolicyShadeTest {

    @ReachabilityTest
    void no_pod_of_any_namespace_reaches_the_malicious_network(Reachability net) {
        assertThat(net).denies(from(anyPodIn("production")).to(ip("203.0.113.7")).port(443),
                from(anyPodIn("kube-system")).to(ip("203.0.113.200")).udp(53));
    }

    @ReachabilityTest
    void everything_else_is_left_to_the_namespaces(Reachability net) {
        assertThat(net).allows(from(FRONTEND).to(ip("198.51.100.7")).port(443),
                from(FRONTEND).to("production/backend").port(8080));
    }

    @ReachabilityTest
    void the_target_means_what_the_intent_means(Reachability net) {
        assertThat(net).isFaithfullyRendered();
    }
}
