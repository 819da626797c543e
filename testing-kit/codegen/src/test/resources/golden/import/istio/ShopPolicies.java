// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.istio;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set {@code shop}, imported from 5 policies.
 */
public final class ShopPolicies implements PolicySetProvider {
    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("shop")
                .description("Imported from AuthorizationPolicy shop/api-allow, AuthorizationPolicy shop/api-audit-deletes, AuthorizationPolicy shop/api-deny-legacy, AuthorizationPolicy shop/db-allow-nothing, AuthorizationPolicy shop/web-allow-all")
                .intents(
                        // AuthorizationPolicy shop/api-allow
                        isolate(pods(inNamespace("shop"), labels("app", "api"))).ingress()
                                .named("api-allow-isolation"),
                        allow(anywhere()).to(pods(inNamespace("shop"), labels("app", "api")))
                                .on(allSctpPorts(), allUdpPorts()).onlyIngress()
                                .named("api-allow-not-intercepted"),
                        allow(serviceAccount("shop", "web"))
                                .to(pods(inNamespace("shop"), labels("app", "api"))).on(tcp(8080))
                                .requests(GET("/*.png", "/api/*")).onlyIngress()
                                .named("api-allow-rule-0"),
                        allow(namespace("ops")).to(pods(inNamespace("shop"), labels("app", "api")))
                                .on(tcp(9090)).onlyIngress().named("api-allow-rule-1"),
                        allow(anywhere()).to(pods(inNamespace("shop"), labels("app", "api")))
                                .on(tcp(8080)).requests(POST("/orders").withHost("shop.example.com")
                                .withHeader("x-tenant", "a"), POST("/orders")
                                .withHost("shop.example.com").withHeader("x-tenant", "b"))
                                .when(jwtClaim("roles").anyOf("admin"),
                                requestPrincipal("https://auth.example.com/*")).onlyIngress()
                                .named("api-allow-rule-2"),
                        // AuthorizationPolicy shop/api-audit-deletes
                        audit(anywhere()).to(pods(inNamespace("shop"), labels("app", "api")))
                                .on(allTcpPorts())
                                .requests(HttpRule.of(List.of(HttpMethod.DELETE), List.of()))
                                .onlyIngress().named("api-audit-deletes-rule-0"),
                        // AuthorizationPolicy shop/api-deny-legacy
                        deny(cidr("10.254.0.0/16").except("10.254.0.3/32"), cidr("8.8.8.8/32"))
                                .to(pods(inNamespace("shop"), labels("app", "api"))).on(tcp(8080))
                                .onlyIngress().named("api-deny-legacy-rule-0"),
                        deny(serviceAccount("shop", "legacy"))
                                .to(pods(inNamespace("shop"), labels("app", "api"))).on(tcp(8080))
                                .requests(anyMethod("/admin/*")).onlyIngress()
                                .named("api-deny-legacy-rule-1"),
                        // AuthorizationPolicy shop/db-allow-nothing
                        isolate(pods(inNamespace("shop"), labels("app", "db"))).ingress()
                                .named("db-allow-nothing-isolation"),
                        allow(anywhere()).to(pods(inNamespace("shop"), labels("app", "db")))
                                .on(allSctpPorts(), allUdpPorts()).onlyIngress()
                                .named("db-allow-nothing-not-intercepted"),
                        // AuthorizationPolicy shop/web-allow-all
                        isolate(pods(inNamespace("shop"), labels("app", "web"))).ingress()
                                .named("web-allow-all-isolation"),
                        allow(anywhere()).to(pods(inNamespace("shop"), labels("app", "web")))
                                .on(allSctpPorts(), allUdpPorts()).onlyIngress()
                                .named("web-allow-all-not-intercepted"),
                        allow(anywhere()).to(pods(inNamespace("shop"), labels("app", "web")))
                                .on(allTcpPorts()).onlyIngress().named("web-allow-all-rule-0")
                )
                .build());
    }
}
