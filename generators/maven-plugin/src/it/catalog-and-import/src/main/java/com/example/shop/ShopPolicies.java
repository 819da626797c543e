package com.example.shop;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/** Policies written against the generated catalog: a misspelt workload would not compile. */
public final class ShopPolicies implements PolicySetProvider {

    public ShopPolicies() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("shop").intents(
                isolate(namespace(Workloads.Shop.NAMESPACE)).ingressAndEgress(),
                allow(Workloads.Shop.BACKEND).to(Workloads.Shop.DATABASE).on(tcp(5432))).build());
    }
}
