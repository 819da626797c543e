package dev.kordon.samples.guardrails;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * A platform team's cluster-wide rules: the admin tier is decided before any application policy and cannot be
 * overridden by it; the baseline tier applies only where application policy left a flow undecided.
 *
 * <p>Registered in {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}:
 * {@code ./kordon generate --classpath samples/platform-guardrails/target/classes --target kubernetes+cnp}.
 */
public final class PlatformGuardrails implements PolicySetProvider {

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public PlatformGuardrails() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(guardrails());
    }

    /** The guardrails. */
    static PolicySet guardrails() {
        return policySet("platform-guardrails")
                .owner("platform-team")
                .description("Cluster-wide guardrails that application teams cannot override")
                .intents(
                        guardrail("block-metadata-server").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()),
                        guardrail("deny-sensitive-ports").admin(20).deny()
                                .ingressTo(allPods()).from(allPods()).on(tcp(22), tcp(3389), tcp(5432)),
                        guardrail("tenant-a-cannot-reach-tenant-b").admin(30).deny()
                                .egressFrom(namespaces(labels("tenant", "a")))
                                .to(namespaces(labels("tenant", "b"))).on(anyTraffic()),
                        guardrail("baseline-deny-egress-to-world").baseline(1000).deny()
                                .egressFrom(allPods()).to(world()).on(anyTraffic())
                                .accepting(Downgrade.WORLD_AS_ALL_ADDRESSES))
                .build();
    }
}
