package dev.kordon.samples.fiveshades;

import static dev.kordon.samples.fiveshades.ProductionWorkloads.BACKEND;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;

import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

/**
 * The article's GlobalNetworkPolicy as printed, simulated under Calico: it selects every endpoint in the default tier,
 * and a tier whose policies select an endpoint but match none of its traffic ends with a deny. So it closes every
 * port of every pod, not only TCP 22, 3389 and 5432; Kordon's rendering ({@link CalicoShadeTest}) closes those alone.
 */
@KordonTest(manifests = "classpath:article/calico-globalnetworkpolicy-deny-sensitive-ports.yaml", cluster = "k8s/",
        profiles = "calico")
class ArticleGlobalNetworkPolicyTest {

    @ReachabilityTest
    void the_articles_policy_closes_every_port_of_every_pod(Reachability net) {
        assertThat(net).denies(from(FRONTEND).to("production/database").port(5432),
                from(FRONTEND).to(BACKEND).port(8080),
                from("production/api").to("kube-system/coredns").udp(53));
    }
}
