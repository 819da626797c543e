/** The calico engine of the simulator. */
package dev.kordon.simulator.calico;
