/**
 * Address arithmetic shared by the engines and the analyses: IPv4 intervals cut at CIDR boundaries.
 */
package dev.kordon.simulator.net;
