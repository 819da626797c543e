/**
 * The legacy AdminNetworkPolicy backend ({@code policy.networking.k8s.io/v1alpha1}, backends.md §2.4): the guardrail
 * layer of {@code kubernetes+anp}. Admin guardrails become AdminNetworkPolicies, one per subject, at the intent's
 * priority; the baseline guardrails of a policy set share the singleton BaselineAdminNetworkPolicy {@code default},
 * whose rules are ordered by priority. Only standard-channel fields are written. The shape of a guardrail comes from
 * the ClusterNetworkPolicy backend's {@link dev.kordon.generators.cnp.GuardrailSide}.
 */
package dev.kordon.generators.anp;
