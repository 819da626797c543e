/** The istio engine of the simulator. */
package dev.kordon.simulator.istio;
