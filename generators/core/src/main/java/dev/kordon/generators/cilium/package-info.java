/**
 * The Cilium backend: intents as {@code cilium.io/v2} CiliumNetworkPolicy (namespaced) and
 * CiliumClusterwideNetworkPolicy objects, with HTTP rules, DNS names and entities (backends.md §4).
 *
 * <p>{@link dev.kordon.generators.cilium.CiliumBackend} is the entry point; the records of this package are the
 * manifests' typed form, written by the core's single YAML path.
 */
package dev.kordon.generators.cilium;
