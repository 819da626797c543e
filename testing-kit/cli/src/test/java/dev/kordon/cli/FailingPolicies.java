package dev.kordon.cli;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/** A provider that cannot be instantiated; tests register it in a temporary services file. */
public final class FailingPolicies implements PolicySetProvider {

    /** Fails as a provider does that needs something the classpath lacks. */
    public FailingPolicies() {
        throw new IllegalStateException("settings file not found");
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of();
    }
}
