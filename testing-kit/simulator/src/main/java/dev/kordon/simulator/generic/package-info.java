/** The generic engine of the simulator. */
package dev.kordon.simulator.generic;
