/** The engines that decide flows, one package per backend, and their registry. */
package dev.kordon.simulator.engine;
