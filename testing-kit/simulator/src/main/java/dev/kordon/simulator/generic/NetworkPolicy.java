package dev.kordon.simulator.generic;

import dev.kordon.dsl.LabelSelector;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed {@code networking.k8s.io/v1} NetworkPolicy, with its {@code policyTypes} defaulted as the API server does.
 *
 * @param resource            how steps name it, e.g. {@code NetworkPolicy x/allow-web}
 * @param namespace           its namespace (a manifest without one is in {@code default})
 * @param podSelector         the pods of the namespace it applies to
 * @param policyTypes         the directions it isolates
 * @param policyTypesDefaulted whether {@code policyTypes} was not written and got its default
 * @param ingress             its ingress rules, in order (allow-lists: their union is allowed)
 * @param egress              its egress rules, in order
 */
record NetworkPolicy(String resource, String namespace, LabelSelector podSelector, Set<Direction> policyTypes,
        boolean policyTypesDefaulted, List<Rule> ingress, List<Rule> egress) {

    NetworkPolicy {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(podSelector, "podSelector");
        policyTypes = Set.copyOf(policyTypes);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /**
     * One rule: traffic matching any peer (every peer when the list is empty) on any port (every port and protocol
     * when the list is empty) is allowed.
     *
     * @param peers the {@code from}/{@code to} peers
     * @param ports the {@code ports}
     */
    record Rule(List<Peer> peers, List<PortMatch> ports) {
        Rule {
            peers = List.copyOf(peers);
            ports = List.copyOf(ports);
        }
    }

    /** Whether it isolates the pods it selects in this direction. */
    boolean isolates(Direction direction) {
        return policyTypes.contains(direction);
    }

    /** Its rules of a direction. */
    List<Rule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }
}
