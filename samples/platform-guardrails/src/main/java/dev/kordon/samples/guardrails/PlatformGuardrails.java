package dev.kordon.samples.guardrails;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * A platform team's cluster-wide rules: DNS allowed, the metadata server blocked, sensitive ports denied, tenants
 * isolated from each other, and the world closed to pods whose teams say nothing about it. The admin tier is decided
 * before any application policy and cannot be overridden by it; the baseline tier applies only where application
 * policy left a flow undecided (no application intent isolates the pod in that direction).
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
                        // Every pod resolves names, whatever its namespace isolates: an Admin allow decides before
                        // application policies, so no tenant can lose DNS, nor block it for its pods.
                        guardrail("allow-dns").admin(5).allow()
                                .egressFrom(allPods()).to(KUBE_DNS).on(udp(53), tcp(53)),
                        guardrail("block-metadata-server").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()),
                        guardrail("deny-sensitive-ports").admin(20).deny()
                                .ingressTo(allPods()).from(allPods()).on(tcp(22), tcp(3389), tcp(5432)),
                        guardrail("tenant-a-cannot-reach-tenant-b").admin(30).deny()
                                .egressFrom(namespaces(labels("tenant", "a")))
                                .to(namespaces(labels("tenant", "b"))).on(anyTraffic()),
                        guardrail("tenant-b-cannot-reach-tenant-a").admin(31).deny()
                                .egressFrom(namespaces(labels("tenant", "b")))
                                .to(namespaces(labels("tenant", "a"))).on(anyTraffic()),
                        // The cluster DNS itself must reach its upstream resolvers: kube-system is left out.
                        guardrail("baseline-deny-egress-to-world").baseline(1000).deny()
                                .egressFrom(namespaces(label("kubernetes.io/metadata.name").notIn("kube-system")))
                                .to(world()).on(anyTraffic())
                                .accepting(Downgrade.WORLD_AS_ALL_ADDRESSES))
                .build();
    }
}
