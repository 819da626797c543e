/**
 * Strict reading of what the calico engine enforces into the typed model: Calico's projectcalico.org/v3 resources,
 * and Kubernetes NetworkPolicy and ClusterNetworkPolicy converted the way Calico converts them. Every unknown field,
 * wrong type and invalid value is a problem with its file, object, field and fix; nothing stops at the first one.
 */
package dev.kordon.simulator.calico.parse;
