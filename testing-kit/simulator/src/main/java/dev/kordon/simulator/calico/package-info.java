/**
 * The calico engine of the simulator ({@code cni: calico}): {@link dev.kordon.simulator.calico.CalicoEngineFactory}
 * reads the manifests ({@code parse}) into a typed model ({@code model}) whose selectors use Calico's language
 * ({@code selector}), and builds the decision procedure ({@code eval}) that walks tiers, policies, rules and
 * profiles as Calico does (backends.md §3), explaining every verdict.
 */
package dev.kordon.simulator.calico;
