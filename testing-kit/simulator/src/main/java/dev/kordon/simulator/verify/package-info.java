/** Reachability test files: reading them, simulating their probes, and reporting what failed and why. */
package dev.kordon.simulator.verify;
