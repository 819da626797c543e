package dev.kordon.samples.fiveshades;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.BACKEND;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.NAMESPACE;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set of the article's first shade, the Kubernetes NetworkPolicy,
 * generated for the target {@code kubernetes}.
 *
 * <p>Registered in {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}; the execution
 * {@code networkpolicy} of the Kordon plugin in {@code pom.xml} generates it for that target alone.
 */
public final class NetworkPolicyShade implements PolicySetProvider {

    /** The cloud metadata server that the example keeps pods away from. */
    static final String METADATA_SERVER = "169.254.169.254/32";

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public NetworkPolicyShade() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(networkPolicy());
    }

    /** Shade 1, the Kubernetes NetworkPolicy: layer 3 and 4, one namespace, allow rules only. */
    static PolicySet networkPolicy() {
        return policySet("networkpolicy")
                .owner("team-production")
                .description("Shade 1: Kubernetes NetworkPolicy (target kubernetes)")
                .intents(
                        // "The frontend must be able to contact the backend on port 8080, but no other Pod in the
                        // cluster should have access to this service." Only the backend's side is the article's.
                        BACKEND.accepts(FRONTEND).on(tcp(8080)).named("backend"),
                        // "Block the metadata server": NetworkPolicy has no deny, so the article allows every
                        // address but that one. Said the same way here, it isolates every pod of production for
                        // egress, as the article's manifest does.
                        allow(namespace(NAMESPACE)).to(cidr("0.0.0.0/0").except(METADATA_SERVER)).on(anyTraffic())
                                .onlyEgress().named("deny-metadata-server"))
                .build();
    }
}
