/**
 * The Cilium engine of the simulator: CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy and Kubernetes
 * NetworkPolicy as the Cilium agent enforces them (reference/backends.md §4).
 *
 * <p>Parsing ({@code *Parser}: strict, every problem collected) builds {@code PolicyEntry}
 * values, one per rule of one direction, as the agent's policy repository holds them; evaluation
 * ({@code DirectionEvaluator}, {@code EntryMatcher}, {@code L7Evaluator}, {@code DnsLookups}) decides each direction
 * and explains it step by step.
 */
package dev.kordon.simulator.cilium;
