package dev.kordon.samples.fiveshades;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.API;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set of the article's fourth shade, the CiliumNetworkPolicy,
 * generated for the target {@code cilium}.
 *
 * <p>Registered in {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}; the execution {@code cilium} of the
 * Kordon plugin in {@code pom.xml} generates it for that target alone.
 */
public final class CiliumShade implements PolicySetProvider {

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public CiliumShade() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(cilium());
    }

    /** Shade 4, Cilium: layer 7 rules on identities, enforced by the eBPF datapath and its proxy. */
    static PolicySet cilium() {
        return policySet("cilium")
                .owner("team-production")
                .description("Shade 4: CiliumNetworkPolicy (target cilium)")
                .intents(
                        // "Only authorises HTTP GET requests to paths matching /api/v1/.* from Pods having the
                        // app: frontend label. Any other HTTP method or path will be denied."
                        API.accepts(GET("/api/v1/*")).from(FRONTEND).on(tcp(8080)).named("frontend-api-policy"))
                .build();
    }
}
