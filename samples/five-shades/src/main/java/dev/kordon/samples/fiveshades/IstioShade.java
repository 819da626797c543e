package dev.kordon.samples.fiveshades;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.BACKEND;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set of the article's fifth shade, Istio's AuthorizationPolicy,
 * generated for the target {@code kubernetes+istio}.
 *
 * <p>Registered in {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}; the execution {@code istio} of the
 * Kordon plugin in {@code pom.xml} generates it for that target alone.
 */
public final class IstioShade implements PolicySetProvider {

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public IstioShade() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(istio());
    }

    /** Shade 5, Istio: the mesh authorizes requests by mTLS identity, HTTP operation and JWT claims. */
    static PolicySet istio() {
        return policySet("istio")
                .owner("team-production")
                .description("Shade 5: Istio AuthorizationPolicy (target kubernetes+istio)")
                // The frontend is declared with its service account, so that the NetworkPolicy beneath the mesh
                // can match the account by the pod labels of the workload that runs as it.
                .workloads(FRONTEND)
                .intents(
                        // "Only authorises requests from a workload identified by the frontend service account,
                        // only if the method is GET or POST, the path matches /api/admin*, and the JWT claim role
                        // is admin." The NetworkPolicy beneath the mesh can only match the frontend's pod labels
                        // and the backend's ports; the mesh checks the rest.
                        BACKEND.accepts(http(HttpMethod.GET, HttpMethod.POST).paths("/api/admin*"))
                                .from(serviceAccount(FRONTEND)).on(allTcpPorts())
                                .when(jwtClaim("role").anyOf("admin"))
                                .accepting(Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS)
                                .named("backend-admin"))
                .build();
    }
}
