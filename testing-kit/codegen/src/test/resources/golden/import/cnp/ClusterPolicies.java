// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.platform;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set {@code cluster}, imported from 3 policies.
 */
public final class ClusterPolicies implements PolicySetProvider {
    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("cluster")
                .description("Imported from ClusterNetworkPolicy baseline, ClusterNetworkPolicy metadata-server, ClusterNetworkPolicy tenant-a")
                .intents(
                        // ClusterNetworkPolicy baseline
                        guardrail("baseline-ingress-0").baseline(100).deny()
                                .ingressTo(pods(inNamespaces(label("tenant").exists()), labels("app", "web"))).from(allPods())
                                .on(sctpRange(3000, 3999)),
                        // ClusterNetworkPolicy metadata-server
                        guardrail("metadata-server-egress-0").admin(8).deny()
                                .egressFrom(allPods()).to(cidr("169.254.169.254/32"))
                                .on(anyTraffic()),
                        // ClusterNetworkPolicy tenant-a
                        guardrail("tenant-a-ingress-0").admin(5).allow()
                                .ingressTo(namespaces(labels("tenant", "a"))).from(namespace("monitoring"))
                                .on(sctp("metrics"), tcp("metrics"), udp("metrics")),
                        guardrail("tenant-a-egress-0").admin(5).allow()
                                .egressFrom(namespaces(labels("tenant", "a"))).to(pods(inNamespace("kube-system"), labels("k8s-app", "kube-dns")))
                                .on(tcp(53), udp(53)),
                        guardrail("tenant-a-egress-1").admin(6).pass()
                                .egressFrom(namespaces(labels("tenant", "a"))).to(cidr("10.0.0.0/8"),
                                cidr("172.16.0.0/12")).on(allTcpPorts()),
                        guardrail("tenant-a-egress-2").admin(7).deny()
                                .egressFrom(namespaces(labels("tenant", "a"))).to(cidr("0.0.0.0/0"))
                                .on(anyTraffic())
                )
                .build());
    }
}
