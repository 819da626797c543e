// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.istio;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set {@code cluster}, imported from AuthorizationPolicy istio-system/deny-debug.
 */
public final class ClusterPolicies implements PolicySetProvider {
    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("cluster")
                .description("Imported from AuthorizationPolicy istio-system/deny-debug")
                .intents(
                        // AuthorizationPolicy istio-system/deny-debug
                        deny(anywhere()).to(allPods()).on(tcp(8080)).requests(anyMethod("/debug/*"))
                                .onlyIngress().named("deny-debug-rule-0")
                )
                .build());
    }
}
