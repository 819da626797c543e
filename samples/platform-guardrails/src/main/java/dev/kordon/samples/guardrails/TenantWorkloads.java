package dev.kordon.samples.guardrails;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Workload;

/**
 * The workloads of the two tenants that run beneath the platform's guardrails, declared once and shared by their
 * policy sets and the tests. Each tenant has a namespace of its own, labelled {@code tenant=a} or {@code tenant=b}.
 */
public final class TenantWorkloads {

    /** Tenant A's namespace, labelled {@code tenant=a}. */
    public static final String TENANT_A = "tenant-a";

    /** Tenant B's namespace, labelled {@code tenant=b}. */
    public static final String TENANT_B = "tenant-b";

    /** Tenant A's web shop: serves browsers, calls its cache and a payment provider outside the cluster. */
    public static final Workload WEB = workload(TENANT_A, "web", labels("app", "web"))
            .withServiceAccount("web")
            .withPort("http", tcp(8080));

    /** Tenant A's Redis cache. */
    public static final Workload CACHE = workload(TENANT_A, "cache", labels("app", "cache"))
            .withServiceAccount("cache")
            .withPort("redis", tcp(6379));

    /** Tenant B's API. */
    public static final Workload API = workload(TENANT_B, "api", labels("app", "api"))
            .withServiceAccount("api")
            .withPort("http", tcp(8080))
            .withPort("ssh", tcp(22));

    /** Tenant B's PostgreSQL, run in the cluster although the platform keeps TCP 5432 closed between pods. */
    public static final Workload POSTGRES = workload(TENANT_B, "postgres", labels("app", "postgres"))
            .withServiceAccount("postgres")
            .withPort("postgres", tcp(5432));

    private TenantWorkloads() {
    }
}
