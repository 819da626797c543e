// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.calico;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set {@code cluster}, imported from 2 policies.
 */
public final class ClusterPolicies implements PolicySetProvider {
    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("cluster")
                .description("Imported from GlobalNetworkPolicy kordon-admin.block-tenant-b, GlobalNetworkPolicy kordon-baseline.deny-cross-namespace")
                .intents(
                        // GlobalNetworkPolicy kordon-admin.block-tenant-b
                        guardrail("kordon-admin-block-tenant-b-egress-0").admin(20).deny()
                                .egressFrom(namespaces(labels("tenant", "a"))).to(namespaces(labels("tenant", "b")))
                                .on(anyTraffic()),
                        // GlobalNetworkPolicy kordon-baseline.deny-cross-namespace
                        guardrail("kordon-baseline-deny-cross-namespace-ingress-0").baseline(1000).deny()
                                .ingressTo(allPods()).from(allPods()).on(anyTraffic())
                )
                .build());
    }
}
