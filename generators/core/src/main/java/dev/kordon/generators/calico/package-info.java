/**
 * The Calico backend: intents as {@code projectcalico.org/v3} {@code NetworkPolicy} and {@code GlobalNetworkPolicy}
 * objects (or their staged forms for a dry run) in tiers of their own, plus the {@code Tier} objects.
 *
 * <p>The tiers keep the intent model's order of evaluation (backends.md §3.4): admin guardrails first, then
 * application denies and audits, then application allows and isolations (whose tier denies by default: allowing is
 * isolating), then Calico's {@code default} tier, then baseline guardrails.
 * {@link dev.kordon.generators.calico.CalicoBackend} is the entry point; {@code CalicoPolicy}, {@code Rule},
 * {@code EntityRule} and {@code CalicoTier} are the objects it writes; the other classes are internal.
 */
package dev.kordon.generators.calico;
