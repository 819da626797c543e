// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.istio;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set {@code ops}, imported from AuthorizationPolicy ops/from-shop.
 */
public final class OpsPolicies implements PolicySetProvider {
    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("ops")
                .description("Imported from AuthorizationPolicy ops/from-shop")
                .intents(
                        // AuthorizationPolicy ops/from-shop
                        isolate(namespace("ops")).ingress().named("from-shop-isolation"),
                        allow(anywhere()).to(namespace("ops")).on(allSctpPorts(), allUdpPorts())
                                .onlyIngress().named("from-shop-not-intercepted"),
                        allow(allPods(), namespace("shop")).to(namespace("ops")).on(tcp(9090))
                                .onlyIngress().named("from-shop-rule-0-0"),
                        allow(allPods(), namespace("shop")).to(namespace("ops")).on(tcp(8080))
                                .onlyIngress().named("from-shop-rule-0-1"),
                        allow(namespace("shop")).to(namespace("ops")).on(tcp(8080))
                                .requests(HttpRule.of(List.of(HttpMethod.GET), List.of()))
                                .onlyIngress().named("from-shop-rule-1-0"),
                        allow(namespace("shop")).to(namespace("ops")).on(tcp(9090))
                                .requests(HttpRule.of(List.of(HttpMethod.GET,
                                HttpMethod.HEAD), List.of())).onlyIngress()
                                .named("from-shop-rule-1-1")
                )
                .build());
    }
}
