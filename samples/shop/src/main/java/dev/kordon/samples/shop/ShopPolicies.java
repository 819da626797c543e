package dev.kordon.samples.shop;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.samples.shop.ShopWorkloads.BACKEND;
import static dev.kordon.samples.shop.ShopWorkloads.DATABASE;
import static dev.kordon.samples.shop.ShopWorkloads.FRONTEND;
import static dev.kordon.samples.shop.ShopWorkloads.NAMESPACE;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The sample's policy sets: {@code shop}, what the storefront team allows in its namespace, and
 * {@code platform-guardrails}, the cluster-wide rules of the platform team that no application policy can override.
 *
 * <p>Registered in {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}, so Kordon's tools find it on the
 * classpath: {@code ./kordon summary --classpath samples/shop/target/classes}.
 */
public final class ShopPolicies implements PolicySetProvider {

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public ShopPolicies() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(shop(), platformGuardrails());
    }

    /** The storefront: deny by default, then exactly the flows the shop needs. */
    static PolicySet shop() {
        return policySet("shop")
                .owner("team-shop")
                .description("Storefront: browsers -> frontend -> backend API -> database and payment provider")
                .intents(
                        isolate(namespace(NAMESPACE)).ingressAndEgress(),
                        // The frontend may send to the backend; the backend decides which requests it accepts.
                        allow(FRONTEND).to(BACKEND).on(tcp(8080)).onlyEgress(),
                        BACKEND.accepts(GET("/api/*"), POST("/api/orders")).from(serviceAccount(FRONTEND))
                                .on(tcp(8080)),
                        allow(BACKEND).to(DATABASE).on(tcp(5432)),
                        allow(BACKEND).to(dnsName("api.stripe.com")).on(tcp(443)),
                        allow(world()).to(FRONTEND).on(tcp(8080)),
                        allowDns(namespace(NAMESPACE)))
                .build();
    }

    /** Cluster-wide rules: the admin tier is decided before any application policy, the baseline tier after. */
    static PolicySet platformGuardrails() {
        return policySet("platform-guardrails")
                .owner("platform-team")
                .description("Cluster-wide guardrails that application teams cannot override")
                .intents(
                        guardrail("block-metadata-server").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()),
                        guardrail("deny-sensitive-ports-from-world").admin(20).deny()
                                .ingressTo(allPods()).from(world()).on(tcp(22), tcp(3389), tcp(5432)),
                        guardrail("tenant-a-cannot-reach-tenant-b").admin(30).deny()
                                .egressFrom(namespaces(labels("tenant", "a")))
                                .to(namespaces(labels("tenant", "b"))).on(anyTraffic()),
                        guardrail("baseline-deny-egress-to-world").baseline(1000).deny()
                                .egressFrom(allPods()).to(world()).on(anyTraffic()))
                .build();
    }
}
