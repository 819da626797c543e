// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.cilium;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set {@code shop}, imported from 2 policies.
 */
public final class ShopPolicies implements PolicySetProvider {
    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("shop")
                .description("Imported from CiliumNetworkPolicy shop/api-http, CiliumNetworkPolicy shop/web-egress-http")
                .intents(
                        // CiliumNetworkPolicy shop/api-http
                        isolate(pods(inNamespace("shop"), labels("app", "api"))).ingress()
                                .named("api-http-isolation"),
                        allow(pods(inNamespace("shop"), labels("app", "web")))
                                .to(pods(inNamespace("shop"), labels("app", "api"))).on(tcp(8080))
                                .requests(DELETE("/api/*/items").withHeader("x-admin"),
                                GET("/api/*"), POST("/api/orders").withHost("shop.example.com")
                                .withHeader("x-tenant", "a")).onlyIngress()
                                .named("api-http-ingress-0-0"),
                        allow(pods(inNamespace("shop"), labels("app", "web")))
                                .to(pods(inNamespace("shop"), labels("app", "api"))).on(tcp(9090))
                                .onlyIngress().named("api-http-ingress-0-1"),
                        allow(pods(inNamespace("shop"), labels("app", "admin")))
                                .to(pods(inNamespace("shop"), labels("app", "api"))).on(tcp(8080))
                                .requests(HttpRule.of(List.of(), List.of())
                                .withHost("*.example.com"),
                                HttpRule.of(List.of(HttpMethod.HEAD), List.of())).onlyIngress()
                                .named("api-http-ingress-1"),
                        // CiliumNetworkPolicy shop/web-egress-http
                        isolate(pods(inNamespace("shop"), labels("app", "web"))).egress()
                                .named("web-egress-http-isolation"),
                        allow(pods(inNamespace("shop"), labels("app", "web")))
                                .to(pods(inNamespace("shop"), labels("app", "api"))).on(tcp(8080))
                                .requests(GET("/api/v1.0/*")).onlyEgress()
                                .named("web-egress-http-egress-0")
                )
                .build());
    }
}
