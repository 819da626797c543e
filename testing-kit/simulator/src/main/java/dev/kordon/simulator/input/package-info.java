/** Reading the simulator's input: manifests from files, strict field checks, and problems with their place. */
package dev.kordon.simulator.input;
