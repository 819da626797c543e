package dev.kordon.samples.fiveshades;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set of the article's second shade, the ClusterNetworkPolicy,
 * generated for the target {@code kubernetes+cnp}.
 *
 * <p>Registered in {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}; the execution
 * {@code clusternetworkpolicy} of the Kordon plugin in {@code pom.xml} generates it for that target alone.
 */
public final class ClusterNetworkPolicyShade implements PolicySetProvider {

    /** The range the example calls malicious (a documentation range). */
    static final String MALICIOUS_NETWORK = "203.0.113.0/24";

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public ClusterNetworkPolicyShade() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(clusterNetworkPolicy());
    }

    /** Shade 2, the ClusterNetworkPolicy: a cluster-wide Admin tier that namespaced policies cannot override. */
    static PolicySet clusterNetworkPolicy() {
        return policySet("clusternetworkpolicy")
                .owner("platform-team")
                .description("Shade 2: ClusterNetworkPolicy, Admin tier (target kubernetes+cnp)")
                .intents(
                        // "Blocks all outbound traffic to a subnet considered malicious", for every pod.
                        guardrail("block-malicious-network").admin(100).deny()
                                .egressFrom(allPods()).to(cidr(MALICIOUS_NETWORK)).on(anyTraffic()))
                .build();
    }
}
