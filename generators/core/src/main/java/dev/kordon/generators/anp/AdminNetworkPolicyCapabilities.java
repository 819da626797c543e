package dev.kordon.generators.anp;

import static dev.kordon.generators.Feature.*;

import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import dev.kordon.generators.cnp.GuardrailApiCapabilities;

/**
 * What {@code policy.networking.k8s.io/v1alpha1} AdminNetworkPolicy and BaselineAdminNetworkPolicy can express,
 * standard channel (backends.md §2.4). Findings that depend on a guardrail's data come from the shared
 * {@link dev.kordon.generators.cnp.GuardrailInspector} and from {@link BaselineInspector}.
 */
final class AdminNetworkPolicyCapabilities {

    private AdminNetworkPolicyCapabilities() {
    }

    static Capabilities of(Role role) {
        return GuardrailApiCapabilities.common("AdminNetworkPolicy", "kubernetes+anp", "allow", role)
                .with(BASELINE_PASS, Support.exact("written as Allow: BaselineAdminNetworkPolicy has no Pass, and a"
                        + " baseline pass leads to the default, which allows, as Allow does"))
                .with(PORT_NAMED, Support.unsupported("namedPort exists only in AdminNetworkPolicy's experimental"
                        + " channel; Kordon writes the standard channel", "use a port number, or kubernetes+cnp"))
                .with(PORT_ALL_OF_PROTOCOL, Support.exact("the port range 1-65535"))
                .with(PORT_ANY_TRAFFIC, Support.exact("no ports: every protocol, ICMP included"))
                .build();
    }
}
