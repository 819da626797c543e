/** The cluster the simulator decides flows in: namespaces, nodes, pods, service accounts. */
package dev.kordon.simulator.cluster;
