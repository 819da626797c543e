package dev.kordon.cli;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/** A small valid provider, registered in src/test/resources/META-INF/services for the tests' --classpath. */
public final class TestPolicies implements PolicySetProvider {

    static final Workload WEB = workload("orders", "web", labels("app", "web")).withServiceAccount("web");
    static final Workload API = workload("orders", "api", labels("app", "api"));

    @Override
    public List<PolicySet> policySets() {
        // Declared out of order on purpose: the command prints them sorted by name.
        return List.of(
                policySet("orders")
                        .owner("team-orders")
                        .intents(
                                isolate(namespace("orders")).ingress(),
                                allow(WEB).to(API).on(tcp(8080)))
                        .build(),
                policySet("guardrails")
                        .owner("platform")
                        .intents(guardrail("block-metadata").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()))
                        .build());
    }
}
