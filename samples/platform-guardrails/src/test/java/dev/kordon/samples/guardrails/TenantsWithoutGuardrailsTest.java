package dev.kordon.samples.guardrails;

import static dev.kordon.samples.guardrails.TenantWorkloads.API;
import static dev.kordon.samples.guardrails.TenantWorkloads.POSTGRES;
import static dev.kordon.samples.guardrails.TenantWorkloads.WEB;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.ip;

import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

/**
 * The tenants' policies alone, without the platform: what {@link GuardrailsNetworkTest} proves denied is what the
 * tenants really allow, so the denial there is the guardrails' doing.
 */
@KordonTest(policies = {TenantAPolicies.class, TenantBPolicies.class}, cluster = "k8s/",
        targets = {"kubernetes", "cilium"})
class TenantsWithoutGuardrailsTest {

    @ReachabilityTest
    void the_tenants_allow_what_the_guardrails_deny(Reachability net) {
        assertThat(net).allows(from(WEB).to(ip("169.254.169.254")).port(80),
                from(WEB).to(API).port(8080),
                from(API).to(POSTGRES).port(5432),
                from(POSTGRES).to(API).port(22));
    }

    @ReachabilityTest
    void without_the_platform_the_tenants_isolation_cuts_dns(Reachability net) {
        assertThat(net).denies(from(WEB).to("kube-system/coredns").udp(53),
                from(API).to("kube-system/coredns").udp(53));
    }
}
