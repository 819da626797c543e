// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.policies;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.LabelSelector;
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
                .description("Imported from NetworkPolicy shop/backend-ingress, NetworkPolicy shop/db-ingress, NetworkPolicy shop/default-deny, NetworkPolicy shop/egress, NetworkPolicy shop/frontend-from-anywhere")
                .intents(
                        // NetworkPolicy shop/backend-ingress
                        allow(pods(inNamespace("shop"), labels("tier", "web")))
                                .to(pods(inNamespace("shop"), labels("app", "backend")))
                                .on(tcp(8080)).onlyIngress().named("backend-ingress-ingress-0"),
                        allow(pods(inNamespaces(labels("team", "ops")), labels("app", "prometheus")))
                                .to(pods(inNamespace("shop"), labels("app", "backend")))
                                .on(tcp("metrics")).onlyIngress()
                                .named("backend-ingress-ingress-1"),
                        allow(cidr("10.254.0.0/16").except("10.254.0.3/32"))
                                .to(pods(inNamespace("shop"), labels("app", "backend")))
                                .on(tcpRange(50000, 50100)).onlyIngress()
                                .named("backend-ingress-ingress-2"),
                        // NetworkPolicy shop/db-ingress
                        allow(pods(inNamespace("other", "shop"), LabelSelector.matchingAll()))
                                .to(pods(inNamespace("shop"), labels("app", "db"))).on(anyTraffic())
                                .onlyIngress().named("db-ingress-ingress-0"),
                        // NetworkPolicy shop/default-deny
                        isolate(namespace("shop")).ingressAndEgress()
                                .named("default-deny-isolation"),
                        // NetworkPolicy shop/egress
                        allow(namespace("shop"))
                                .to(pods(inNamespace("ops"), labels("k8s-app", "kube-dns")))
                                .on(sctp(3868), tcp(53), allUdpPorts()).onlyEgress()
                                .named("egress-egress-0"),
                        allow(namespace("shop")).to(pods(inNamespace("shop"), labels("app", "db")))
                                .on(tcp("postgres")).onlyEgress().named("egress-egress-1"),
                        allow(namespace("shop")).to(cidr("0.0.0.0/0").except("10.0.0.0/8"))
                                .on(anyTraffic()).onlyEgress().named("egress-egress-2"),
                        // NetworkPolicy shop/frontend-from-anywhere
                        allow(anywhere()).to(pods(inNamespace("shop"), labels("app", "frontend")))
                                .on(tcp(8080)).onlyIngress()
                                .named("frontend-from-anywhere-ingress-0")
                )
                .build());
    }
}
