/**
 * The shop sample: a storefront's policy set and a platform team's guardrails, written with the Kordon DSL and
 * registered for Kordon's tools as a {@link dev.kordon.dsl.spi.PolicySetProvider}.
 */
package dev.kordon.samples.shop;
