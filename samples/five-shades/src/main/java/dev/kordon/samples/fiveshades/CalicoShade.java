package dev.kordon.samples.fiveshades;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.API_GATEWAY;
import static dev.kordon.samples.fiveshades.ProductionWorkloads.FRONTEND;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/**
 * The policy set of the article's third shade, Calico's NetworkPolicy and GlobalNetworkPolicy,
 * generated for the target {@code calico}.
 *
 * <p>Registered in {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}; the execution {@code calico} of the
 * Kordon plugin in {@code pom.xml} generates it for that target alone.
 */
public final class CalicoShade implements PolicySetProvider {

    /** Creates the provider; tools call this through {@link java.util.ServiceLoader}. */
    public CalicoShade() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(calico());
    }

    /** Shade 3, Calico: ordered namespaced policies with HTTP rules, and GlobalNetworkPolicy for the cluster. */
    static PolicySet calico() {
        return policySet("calico")
                .owner("platform-team")
                .description("Shade 3: Calico NetworkPolicy and GlobalNetworkPolicy (target calico)")
                .intents(
                        // "Only authorises HTTP GET requests to the /api/v1/users path from the frontend and denies
                        // all other traffic." Calico enforces the http clause only with Application Layer Policy
                        // (Istio sidecars); the intent accepts L4_ONLY, so the clause is written for clusters that
                        // enable it, and the fidelity report says what a cluster without it allows.
                        API_GATEWAY.accepts(GET("/api/v1/users")).from(FRONTEND).on(allTcpPorts())
                                .accepting(Downgrade.L4_ONLY).named("api-gateway-policy"),
                        // "Blocks SSH, RDP, and PostgreSQL access for all Pods, regardless of namespace", from
                        // wherever the connection comes. Admin, priority 10: decided before application policies.
                        guardrail("deny-sensitive-ports").admin(10).deny()
                                .ingressTo(allPods()).from(anywhere()).on(tcp(22), tcp(3389), tcp(5432)))
                .build();
    }
}
