package dev.kordon.samples.guardrails;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.samples.guardrails.TenantWorkloads.API;
import static dev.kordon.samples.guardrails.TenantWorkloads.CACHE;
import static dev.kordon.samples.guardrails.TenantWorkloads.TENANT_A;
import static dev.kordon.samples.guardrails.TenantWorkloads.WEB;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * Tenant A's application policies, layered beneath the platform's guardrails. Most intents are what a web shop
 * needs; two try to allow what an Admin guardrail denies, and the guardrail wins on every target:
 * {@code read-instance-credentials} (the metadata server) and {@code call-tenant-b-api} (the other tenant).
 *
 * <p>The set declares no DNS rule of its own: the platform's {@code allow-dns} guardrail gives every pod name
 * resolution, whatever its namespace isolates.
 */
public final class TenantAPolicies implements PolicySetProvider {

    /** A payment provider's published range outside the cluster (a documentation range). */
    static final String PAYMENT_PROVIDER = "198.51.100.0/24";

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public TenantAPolicies() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(tenantA());
    }

    /** Tenant A's policy set. */
    static PolicySet tenantA() {
        return policySet("tenant-a")
                .owner("team-a")
                .description("Tenant A's web shop, beneath the platform guardrails")
                .intents(
                        isolate(namespace(TENANT_A)).ingressAndEgress(),
                        WEB.accepts(world()).on(tcp(8080)).accepting(Downgrade.WORLD_AS_ALL_ADDRESSES),
                        allow(WEB).to(CACHE).on(tcp(6379)),
                        allow(WEB).to(cidr(PAYMENT_PROVIDER)).on(tcp(443)),
                        // Overrides attempted: the Admin tier denies both, before this set is looked at.
                        allow(WEB).to(cidr("169.254.169.254/32")).on(tcp(80)).named("read-instance-credentials"),
                        allow(WEB).to(API).on(tcp(8080)).onlyEgress().named("call-tenant-b-api"))
                .build();
    }
}
