/** The cilium engine of the simulator. */
package dev.kordon.simulator.cilium;
