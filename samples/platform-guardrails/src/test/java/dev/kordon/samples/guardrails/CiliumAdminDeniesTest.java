package dev.kordon.samples.guardrails;

import static dev.kordon.samples.guardrails.TenantWorkloads.API;
import static dev.kordon.samples.guardrails.TenantWorkloads.POSTGRES;
import static dev.kordon.samples.guardrails.TenantWorkloads.WEB;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.ip;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Tier;
import dev.kordon.dsl.spi.PolicySetProvider;
import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;
import java.util.List;

/**
 * Cilium's policies have no tiers: it refuses the platform's Admin allow ({@code allow-dns}) and Baseline deny, but
 * enforces an Admin deny as a deny policy, which beats every allow. On Cilium, with only the Admin denies, the
 * tenants still cannot override them.
 */
@KordonTest(policies = {CiliumAdminDeniesTest.AdminDenies.class, TenantAPolicies.class, TenantBPolicies.class},
        cluster = "k8s/", targets = {"cilium", "cilium+istio"})
class CiliumAdminDeniesTest {

    /** The platform's guardrails that Cilium can enforce exactly: the Admin denies. */
    public static final class AdminDenies implements PolicySetProvider {

        /** Creates the provider. */
        public AdminDenies() {
        }

        @Override
        public List<PolicySet> policySets() {
            PolicySet platform = PlatformGuardrails.guardrails();
            List<Intent> denies = platform.connections().stream()
                    .filter(guardrail -> guardrail.tier() == Tier.ADMIN && guardrail.action() == Action.DENY)
                    .map(Intent.class::cast)
                    .toList();
            return List.of(Kordon.policySet(platform.name()).owner(platform.owner()).intents(denies).build());
        }
    }

    @ReachabilityTest
    void the_admin_denies_win_over_the_tenants_allows(Reachability net) {
        assertThat(net).denies(from(WEB).to(ip("169.254.169.254")).port(80),
                from(WEB).to(API).port(8080),
                from(API).to(POSTGRES).port(5432),
                from(POSTGRES).to(API).port(22));
    }

    @ReachabilityTest
    void the_target_means_what_the_intent_means(Reachability net) {
        assertThat(net).isFaithfullyRendered();
    }
}
