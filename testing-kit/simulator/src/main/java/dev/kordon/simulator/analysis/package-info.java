/**
 * Connectivity analysis: for every ordered pair of workloads (pods folded into their owners) and external address
 * intervals, the connections the policies allow, in the style of np-guard netpol-analyzer's connectivity lists.
 */
package dev.kordon.simulator.analysis;
