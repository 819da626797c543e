package dev.kordon.dsl.spi;

import dev.kordon.dsl.PolicySet;
import java.util.List;

/**
 * Supplies policy sets to Kordon's tools (the Maven plugin, the command line, the testing kit), which find
 * providers on a classpath with {@link java.util.ServiceLoader}.
 *
 * <p>Implement it with a public no-argument constructor and list the class in
 * {@code META-INF/services/dev.kordon.dsl.spi.PolicySetProvider}:
 * <pre>{@code
 * public final class ShopPolicies implements PolicySetProvider {
 *     public List<PolicySet> policySets() {
 *         return List.of(policySet("shop").intents(allow(FRONTEND).to(BACKEND).on(tcp(8080))).build());
 *     }
 * }
 * }</pre>
 */
public interface PolicySetProvider {

    /** The policy sets this provider declares; called once per load, so it may build them on each call. */
    List<PolicySet> policySets();
}
