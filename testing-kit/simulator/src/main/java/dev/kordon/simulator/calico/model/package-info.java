/**
 * The parsed, typed form of what the calico engine enforces: tiers, policies (Calico's own, and Kubernetes
 * NetworkPolicy and ClusterNetworkPolicy converted the way Calico converts them), rules, entity rules, network sets
 * and profiles. Everything here is already validated; no field is null.
 */
package dev.kordon.simulator.calico.model;
