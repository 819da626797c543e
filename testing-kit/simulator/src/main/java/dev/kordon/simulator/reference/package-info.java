/**
 * The reference semantics of the intent model: flows decided directly from policy sets, as docs/dsl.md §2 defines
 * them, for differential testing of the generators and the engines.
 */
package dev.kordon.simulator.reference;
