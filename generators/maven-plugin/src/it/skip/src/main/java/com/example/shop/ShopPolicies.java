package com.example.shop;

import static dev.kordon.dsl.Kordon.*;
import static com.example.shop.ShopWorkloads.BACKEND;
import static com.example.shop.ShopWorkloads.DATABASE;
import static com.example.shop.ShopWorkloads.FRONTEND;
import static com.example.shop.ShopWorkloads.NAMESPACE;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The sample's policy set {@code shop}: what the storefront team allows in its namespace, written once and
 * generated for every target. Where a target can only enforce an intent less precisely, the intent says which
 * downgrade it accepts, and the fidelity report of that target says what it costs.
 *
 * <p>Registered in {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}, so Kordon's tools find it on the
 * classpath: {@code ./kordon generate --classpath samples/shop/target/classes}.
 */
public final class ShopPolicies implements PolicySetProvider {

    /** The payment provider's published address range (a documentation range here). */
    static final String PAYMENT_PROVIDER = "198.51.100.0/24";

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public ShopPolicies() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(shop());
    }

    /** The storefront: deny by default, then exactly the flows the shop needs. */
    static PolicySet shop() {
        return policySet("shop")
                .owner("team-shop")
                .description("Storefront: browsers -> frontend -> backend API -> database and payment provider")
                .intents(
                        isolate(namespace(NAMESPACE)).ingressAndEgress(),
                        // Browsers come from outside the cluster; targets that match "the world" as 0.0.0.0/0 and
                        // ::/0 would also match in-cluster addresses, and this intent accepts that.
                        allow(world()).to(FRONTEND).on(tcp(8080)).accepting(Downgrade.WORLD_AS_ALL_ADDRESSES),
                        // The frontend may send to the backend; the backend decides which requests it accepts.
                        allow(FRONTEND).to(BACKEND).on(tcp(8080)).onlyEgress(),
                        BACKEND.accepts(GET("/api/*"), POST("/api/orders")).from(serviceAccount(FRONTEND))
                                .on(tcp(8080))
                                .accepting(Downgrade.L4_ONLY, Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS),
                        allow(BACKEND).to(DATABASE).on(tcp(5432)),
                        allow(BACKEND).to(cidr(PAYMENT_PROVIDER)).on(tcp(443)),
                        allowDns(namespace(NAMESPACE)))
                .build();
    }
}
