package dev.kordon.cli;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/** A provider whose policy set has two problems; tests register it in a temporary services file. */
public final class InvalidPolicies implements PolicySetProvider {

    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("broken")
                .intents(
                        allow(namespace("a")).to(namespace("b")).on(tcp(70000)),
                        allow(namespace("a")).to(cidr("10.0.0.1/8")).on(tcp(443)))
                .build());
    }
}
