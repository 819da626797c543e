/**
 * The generic engine of the simulator: upstream Kubernetes NetworkPolicy and the cluster-wide tiers around it
 * (ClusterNetworkPolicy v1alpha2; the legacy AdminNetworkPolicy and BaselineAdminNetworkPolicy v1alpha1).
 *
 * <p>Parsing ({@code *Parser}, {@link dev.kordon.simulator.generic.GenericEngineFactory}) turns manifests into a typed
 * model ({@code NetworkPolicy}, {@code TieredPolicy}, {@code Peer}, {@code PortMatch}) and reports every input the
 * API server would reject; evaluation ({@code GenericEngine} and its tiers) decides each direction of a flow and
 * explains every step.
 */
package dev.kordon.simulator.generic;
