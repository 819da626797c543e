package dev.kordon.simulator.cilium;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of one direction, as Cilium's policy repository holds it [CIL-PARSE] {@code parserules.go}: an item of
 * {@code ingress}, {@code ingressDeny}, {@code egress} or {@code egressDeny} of a CiliumNetworkPolicy,
 * CiliumClusterwideNetworkPolicy or translated Kubernetes NetworkPolicy.
 *
 * @param resource    the policy, e.g. {@code CiliumNetworkPolicy x/allow-web}
 * @param order       the policy's position among the manifests, for a stable order
 * @param path        the rule's field path in the policy, e.g. {@code specs[1].ingress[0]}
 * @param index       the rule's index in its list
 * @param direction   ingress or egress
 * @param deny        whether it denies (a {@code *Deny} rule) rather than allows
 * @param defaultDeny whether it puts the endpoints it selects into default deny for its direction
 * @param subject     the endpoints it applies to (namespace already injected)
 * @param l3          the peers, or empty when the rule names no L3 kind (then it selects every peer if it has
 *                    ports, and no peer if it has none)
 * @param l4          the port rules (ICMP included); empty means every port and protocol
 * @param authFails   whether it requires {@code authentication.mode: test-always-fail}, which drops what it allows
 * @param note        what a translation made of it, e.g. for a Kubernetes NetworkPolicy default deny, or empty
 */
record PolicyEntry(String resource, int order, String path, int index, Direction direction, boolean deny,
        boolean defaultDeny, EndpointSelector subject, Optional<List<Peer>> l3, List<PortRule> l4, boolean authFails,
        String note) {

    PolicyEntry {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(subject, "subject");
        l3 = l3.map(List::copyOf);
        l4 = List.copyOf(l4);
        Objects.requireNonNull(note, "note");
    }

    /** Whether it can match no flow at all: no peers and no ports ({@code ingress: [{}]}), or an empty peer list. */
    boolean selectsNothing() {
        return l3.map(List::isEmpty).orElse(l4.isEmpty());
    }

    /** {@code egress[0] of CiliumNetworkPolicy x/p}. */
    String describe() {
        return path + " of " + resource;
    }
}
