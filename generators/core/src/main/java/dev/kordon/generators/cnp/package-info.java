/**
 * The ClusterNetworkPolicy backend ({@code policy.networking.k8s.io/v1alpha2}, backends.md §2): the guardrail layer
 * of {@code kubernetes+cnp}. Each guardrail becomes one ClusterNetworkPolicy per subject, with one rule, in the tier
 * and at the priority the intent names; only standard-channel fields are written.
 *
 * <p>{@link dev.kordon.generators.cnp.PodSelection}, {@link dev.kordon.generators.cnp.GuardrailSide} and
 * {@link dev.kordon.generators.cnp.GuardrailInspector} describe the network-policy-api's shape of a guardrail and are
 * shared with the legacy AdminNetworkPolicy backend in {@code dev.kordon.generators.anp}.
 */
package dev.kordon.generators.cnp;
