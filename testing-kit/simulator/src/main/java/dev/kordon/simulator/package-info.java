/**
 * The simulator: decides flows in a cluster as its enforcement would (CNI egress and ingress, then the mesh), and
 * explains each verdict step by step.
 */
package dev.kordon.simulator;
