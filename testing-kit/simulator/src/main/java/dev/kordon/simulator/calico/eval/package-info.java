/**
 * The calico engine's decision procedure: the endpoints Calico sees (workload endpoints with the labels it adds,
 * network sets), rule matching with its reasons, the walk through tiers, policies and rules (Allow and Deny final,
 * Log continues, Pass jumps to the next tier, the end of an applying tier takes its default action), the profiles
 * after the last tier, and the "nearest miss" that explains a denial by default.
 */
package dev.kordon.simulator.calico.eval;
