// Imported by Kordon from policy manifests. Review it, then keep it as your own source.
package com.example.policies;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set {@code ops}, imported from NetworkPolicy ops/ops-policy.
 */
public final class OpsPolicies implements PolicySetProvider {
    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("ops")
                .description("Imported from NetworkPolicy ops/ops-policy")
                .intents(
                        // NetworkPolicy ops/ops-policy
                        allow(pods(inAnyNamespace(), labels("app", "frontend")),
                                pods(inNamespaces(label("team").exists()), label("tier").notIn("web")))
                                .to(namespace("ops")).on(anyTraffic()).onlyIngress()
                                .named("ops-policy-ingress-0"),
                        allow(namespace("ops")).to(anywhere()).on(anyTraffic()).onlyEgress()
                                .named("ops-policy-egress-0")
                )
                .build());
    }
}
