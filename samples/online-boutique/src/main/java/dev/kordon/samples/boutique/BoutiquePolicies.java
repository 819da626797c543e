package dev.kordon.samples.boutique;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.samples.boutique.BoutiqueWorkloads.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The online boutique with least privilege: the namespace isolated both ways, name resolution allowed, and then each
 * call of the demo's call graph allowed on the callee's port, nothing else. Each {@code allow(A).to(B)} is enforced
 * on both sides: A may send, B may receive.
 *
 * <p>Registered in {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}; the Kordon plugin in
 * {@code pom.xml} generates it for every target.
 */
public final class BoutiquePolicies implements PolicySetProvider {

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public BoutiquePolicies() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(onlineBoutique());
    }

    /** The boutique's policy set. */
    static PolicySet onlineBoutique() {
        List<Intent> intents = new ArrayList<>();
        // Deny by default, both ways, then resolve names through the cluster DNS.
        intents.add(isolate(namespace(NAMESPACE)).ingressAndEgress());
        intents.add(allowDns(namespace(NAMESPACE)));
        // Shoppers come from outside the cluster. Targets that write "the world" as 0.0.0.0/0 and ::/0 also match
        // in-cluster addresses with it; the intent accepts that, and their fidelity reports say so.
        intents.add(FRONTEND.accepts(world()).on(tcp(8080)).accepting(Downgrade.WORLD_AS_ALL_ADDRESSES));
        intents.add(allow(LOADGENERATOR).to(FRONTEND).on(tcp(8080)));
        // The frontend renders pages from seven services.
        calls(intents, FRONTEND, AD, CART, CHECKOUT, CURRENCY, PRODUCT_CATALOG, RECOMMENDATION, SHIPPING);
        // Checkout places an order: reads the cart and the catalogue, converts, charges, ships, confirms by email.
        calls(intents, CHECKOUT, CART, CURRENCY, EMAIL, PAYMENT, PRODUCT_CATALOG, SHIPPING);
        calls(intents, RECOMMENDATION, PRODUCT_CATALOG);
        intents.add(allow(CART).to(REDIS).on(tcp(6379)));
        return policySet("online-boutique")
                .owner("boutique-team")
                .description("microservices demo: least-privilege calls between the twelve services")
                .intents(intents)
                .build();
    }

    /** Allows the caller to call each callee on the callee's gRPC port. */
    private static void calls(List<Intent> intents, Workload caller, Workload... callees) {
        for (Workload callee : callees) {
            intents.add(allow(caller).to(callee).on(tcp(callee.ports().get("grpc").port())));
        }
    }
}
