/**
 * Kordon's intent model and its fluent DSL: workloads and other peers, connections, isolation and guardrails,
 * gathered in a {@link dev.kordon.dsl.PolicySet} and checked by {@link dev.kordon.dsl.PolicySet#validate()}.
 *
 * <p>Start with {@code import static dev.kordon.dsl.Kordon.*;}. Every model type is an immutable value with
 * order-insensitive equality; nothing here depends on anything but the JDK.
 */
package dev.kordon.dsl;
