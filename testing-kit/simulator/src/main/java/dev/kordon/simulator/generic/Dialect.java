package dev.kordon.simulator.generic;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What differs between the cluster-wide policy APIs that share the tiered model: ClusterNetworkPolicy (v1alpha2) and
 * the legacy AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1).
 *
 * @param actions                   the actions as written, to what they do
 * @param maxRules                  the most rules per direction
 * @param maxPerRule                the most peers, and the most ports, per rule
 * @param portsField                the rule field that lists ports: {@code protocols} or {@code ports}
 * @param podsNeedNamespaceSelector whether a {@code pods} peer or subject must set its namespaceSelector
 * @param egressPeers               the peer fields an egress rule may use (ingress: namespaces and pods)
 * @param ports                     reads one entry of the ports field
 */
record Dialect(Map<String, Action> actions, int maxRules, int maxPerRule, String portsField,
        boolean podsNeedNamespaceSelector, List<String> egressPeers, PortReader ports) {

    /** The peer fields of an ingress rule. */
    static final List<String> INGRESS_PEERS = List.of("namespaces", "pods");

    /** The fields of a subject, one of which must be set. */
    static final List<String> SUBJECT = List.of("namespaces", "pods");

    Dialect {
        actions = Map.copyOf(actions);
        Objects.requireNonNull(portsField, "portsField");
        egressPeers = List.copyOf(egressPeers);
        Objects.requireNonNull(ports, "ports");
    }

    /** Reads one entry of a rule's ports field, reporting its problems. */
    @FunctionalInterface
    interface PortReader {
        /** The ports an entry matches (empty when it is invalid). */
        List<PortMatch> read(ManifestFields fields, String path, JsonNode node);
    }

    /** The peer fields of a direction. */
    List<String> peers(Direction direction) {
        return direction == Direction.INGRESS ? INGRESS_PEERS : egressPeers;
    }

    /** The actions in the order the API documents them. */
    List<String> actionNames() {
        return actions.keySet().stream().sorted((a, b) -> Integer.compare(actions.get(a).ordinal(),
                actions.get(b).ordinal())).toList();
    }
}
