package dev.kordon.generators.cnp;

import static dev.kordon.generators.Feature.*;

import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;

/**
 * What {@code policy.networking.k8s.io/v1alpha2} ClusterNetworkPolicy can express, standard channel (backends.md §2).
 * Findings that depend on a guardrail's data (which side a peer is on, service accounts, limits) come from
 * {@link GuardrailInspector}.
 */
final class ClusterNetworkPolicyCapabilities {

    private ClusterNetworkPolicyCapabilities() {
    }

    static Capabilities of(Role role) {
        return GuardrailApiCapabilities.common("ClusterNetworkPolicy", "kubernetes+cnp", "accept", role)
                .exact(BASELINE_PASS)
                .with(PORT_NAMED, Support.exact("destinationNamedPort, which has no protocol: the destinations must"
                        + " declare the port with its protocol (checked per intent)"))
                .with(PORT_ALL_OF_PROTOCOL, Support.exact("the port range 1-65535: the API has no protocol-only match"))
                .with(PORT_ANY_TRAFFIC, Support.exact("no protocols: every protocol, ICMP included"))
                .build();
    }
}
