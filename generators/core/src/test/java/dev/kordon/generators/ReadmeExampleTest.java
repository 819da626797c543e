package dev.kordon.generators;

import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example at the top of the README, statement for statement, does what the README says. */
class ReadmeExampleTest {

    @Test
    void the_readme_example_validates_and_generates_exactly_on_cilium_with_istio() {
        Workload frontend = workload("shop", "frontend", labels("app", "frontend")).withServiceAccount("frontend");
        Workload backend  = workload("shop", "backend", labels("app", "backend")).withServiceAccount("backend");

        PolicySet shop = policySet("shop")
                .owner("team-shop")
                .intents(
                        isolate(namespace("shop")).ingressAndEgress(),
                        backend.accepts(GET("/api/*")).from(serviceAccount(frontend)).on(tcp(8080)),
                        allowDns(namespace("shop")),
                        guardrail("block-metadata-server").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()))
                .build();   // validates: throws with every problem, or returns an immutable value

        Generation generation = new Generator().generate(List.of(shop), Targets.parse("cilium+istio"));

        assertThat(generation.report().entries()).isEmpty();
        assertThat(generation.resources()).extracting(Resource::kind).contains("CiliumNetworkPolicy",
                "CiliumClusterwideNetworkPolicy", "AuthorizationPolicy");
    }
}
