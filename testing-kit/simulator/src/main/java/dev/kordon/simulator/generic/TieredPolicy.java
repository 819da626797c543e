package dev.kordon.simulator.generic;

import java.util.List;
import java.util.Objects;

/**
 * A parsed cluster-wide policy of the Admin or Baseline tier: a {@code policy.networking.k8s.io/v1alpha2}
 * ClusterNetworkPolicy, or a legacy v1alpha1 AdminNetworkPolicy (Admin) or BaselineAdminNetworkPolicy (Baseline).
 *
 * @param resource how steps name it, e.g. {@code ClusterNetworkPolicy pass-example}
 * @param tier     its tier
 * @param priority its precedence in the tier: lower first (a BaselineAdminNetworkPolicy has none: 0)
 * @param subject  the pods it applies to
 * @param ingress  its ingress rules, in order: the first that matches decides
 * @param egress   its egress rules, in order
 */
record TieredPolicy(String resource, Tier tier, int priority, Subject subject, List<Rule> ingress,
        List<Rule> egress) {

    TieredPolicy {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(subject, "subject");
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /**
     * One rule: traffic matching any peer on any port (every port and protocol when the list is empty) gets the
     * action.
     *
     * @param index   its position in the policy's list, from 0
     * @param name    its name, or empty
     * @param action  what it does
     * @param written the action as written ({@code Accept}, {@code Allow}, {@code Deny}, {@code Pass})
     * @param peers   the {@code from}/{@code to} peers (never empty in valid input)
     * @param ports   the {@code protocols}/{@code ports}
     */
    record Rule(int index, String name, Action action, String written, List<Peer> peers, List<PortMatch> ports) {
        Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(written, "written");
            peers = List.copyOf(peers);
            ports = List.copyOf(ports);
        }

        /** Whether a peer could not be read, so that the rule fails closed. */
        boolean failsClosed() {
            return peers.isEmpty() || peers.stream().anyMatch(peer -> peer instanceof Peer.FailClosed);
        }

        /** {@code rule 2 'deny-web' (Deny)}. */
        String label() {
            return "rule " + index + (name.isEmpty() ? "" : " '" + name + "'") + " (" + written + ")";
        }

        /** {@code 'deny-web' (Deny)}, or {@code unnamed rule (Deny)}. */
        String nameAndAction() {
            return (name.isEmpty() ? "unnamed rule" : "'" + name + "'") + " (" + written + ")";
        }
    }

    /** Its rules of a direction (empty: it has no effect on that direction). */
    List<Rule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }
}
