package dev.kordon.samples.guardrails;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.samples.guardrails.TenantWorkloads.API;
import static dev.kordon.samples.guardrails.TenantWorkloads.POSTGRES;
import static dev.kordon.samples.guardrails.TenantWorkloads.TENANT_B;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * Tenant B's application policies, layered beneath the platform's guardrails. Each of its allows meets a guardrail
 * that denies it, and the guardrail wins on every target: {@code accept-tenant-a} (tenants are isolated),
 * {@code allow-api-to-postgres} (TCP 5432 is closed between pods) and {@code ssh-for-debugging} (so is TCP 22).
 * What remains for tenant B is name resolution, which the platform grants.
 */
public final class TenantBPolicies implements PolicySetProvider {

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public TenantBPolicies() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(tenantB());
    }

    /** Tenant B's policy set. */
    static PolicySet tenantB() {
        return policySet("tenant-b")
                .owner("team-b")
                .description("Tenant B's API and database, beneath the platform guardrails")
                .intents(
                        isolate(namespace(TENANT_B)).ingressAndEgress(),
                        // A partner integration that tenant A's set allows too: the two tenants agree, the
                        // platform does not.
                        API.accepts(namespaces(labels("tenant", "a"))).on(tcp(8080)).named("accept-tenant-a"),
                        allow(API).to(POSTGRES).on(tcp(5432)),
                        allow(namespace(TENANT_B)).to(API).on(tcp(22)).named("ssh-for-debugging"))
                .build();
    }
}
