// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.calico;

import static dev.kordon.dsl.Kordon.*;

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
                .description("Imported from NetworkPolicy shop/backend-ingress, NetworkPolicy shop/db-egress")
                .intents(
                        // NetworkPolicy shop/backend-ingress
                        allow(pods(inNamespace("shop"), label("team").exists()
                                .and(label("tier").in("edge", "web"))))
                                .to(pods(inNamespace("shop"), labels("app", "backend")))
                                .on(tcp(8080), tcpRange(9000, 9100)).onlyIngress()
                                .named("backend-ingress-ingress-0"),
                        allow(pods(inNamespace("ops"), labels("app", "prometheus")))
                                .to(pods(inNamespace("shop"), labels("app", "backend")))
                                .on(sctp("metrics"), tcp("metrics"), udp("metrics")).onlyIngress()
                                .named("backend-ingress-ingress-1"),
                        allow(cidr("10.254.0.0/16").except("10.254.0.3/32"))
                                .to(pods(inNamespace("shop"), labels("app", "backend")))
                                .on(allUdpPorts()).onlyIngress().named("backend-ingress-ingress-2"),
                        // NetworkPolicy shop/db-egress
                        deny(pods(inNamespace("shop"), labels("app", "cache")),
                                pods(inNamespace("shop"), labels("app", "db")))
                                .to(cidr("169.254.169.254/32")).on(anyTraffic()).onlyEgress()
                                .named("db-egress-egress-0"),
                        allow(pods(inNamespace("shop"), labels("app", "cache")),
                                pods(inNamespace("shop"), labels("app", "db")))
                                .to(serviceAccount("shop", "backup")).on(anyTraffic()).onlyEgress()
                                .named("db-egress-egress-1")
                )
                .build());
    }
}
