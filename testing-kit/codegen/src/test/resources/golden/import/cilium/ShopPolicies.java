// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.cilium;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set {@code shop}, imported from 3 policies.
 */
public final class ShopPolicies implements PolicySetProvider {
    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("shop")
                .description("Imported from CiliumNetworkPolicy shop/api-l7, CiliumNetworkPolicy shop/backend, CiliumNetworkPolicy shop/deny-all-ingress")
                .intents(
                        // CiliumNetworkPolicy shop/api-l7
                        isolate(pods(inNamespace("shop"), labels("app", "api"))).ingress()
                                .named("api-l7-isolation"),
                        allow(pods(inNamespace("shop"), labels("app", "frontend")))
                                .to(pods(inNamespace("shop"), labels("app", "api"))).on(tcp(8080))
                                .requests(GET("/api/*")).onlyIngress().named("api-l7-ingress-0"),
                        // CiliumNetworkPolicy shop/backend
                        isolate(pods(inNamespace("shop"), labels("app", "backend"))).ingressAndEgress()
                                .named("backend-isolation"),
                        allow(pods(inNamespace("monitoring"), labels("app", "prometheus")),
                                pods(inNamespace("shop"), labels("app", "frontend")))
                                .to(pods(inNamespace("shop"), labels("app", "backend")))
                                .on(tcp(8080), tcp("metrics")).onlyIngress()
                                .named("backend-ingress-0"),
                        allow(world()).to(pods(inNamespace("shop"), labels("app", "backend")))
                                .on(sctpRange(30000, 30100), tcpRange(30000, 30100),
                                udpRange(30000, 30100)).onlyIngress().named("backend-ingress-1"),
                        deny(cidr("10.0.0.0/8").except("10.1.0.0/16"))
                                .to(pods(inNamespace("shop"), labels("app", "backend")))
                                .on(allUdpPorts()).onlyIngress().named("backend-ingressdeny-0"),
                        allow(pods(inNamespace("shop"), labels("app", "backend")))
                                .to(pods(inNamespace("kube-system"), labels("k8s-app", "kube-dns")))
                                .on(sctp(53), tcp(53), udp(53)).onlyEgress()
                                .named("backend-egress-0"),
                        allow(pods(inNamespace("shop"), labels("app", "backend")))
                                .to(serviceAccount("shop", "database")).on(anyTraffic())
                                .onlyEgress().named("backend-egress-1"),
                        allow(pods(inNamespace("shop"), labels("app", "backend")))
                                .to(kubeApiServer()).on(tcp(443)).onlyEgress()
                                .named("backend-egress-2"),
                        // CiliumNetworkPolicy shop/deny-all-ingress
                        isolate(namespace("shop")).ingress().named("deny-all-ingress-0-isolation")
                )
                .build());
    }
}
