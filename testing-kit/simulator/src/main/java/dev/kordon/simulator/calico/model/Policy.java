package dev.kordon.simulator.calico.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A policy as Calico evaluates it, whatever it was written as.
 *
 * @param kind              where it came from
 * @param namespace         its namespace, empty for a global one
 * @param name              its name
 * @param resource          how messages name it (the manifest's description)
 * @param tier              the name of its tier
 * @param order             its order in the tier, {@link Double#POSITIVE_INFINITY} when unset
 * @param subject           the endpoints it applies to: all of these must hold (the policy's namespace, namespace
 *                          selector, selector, service-account selector)
 * @param types             the directions it governs
 * @param ingress           its ingress rules, in order
 * @param egress            its egress rules, in order
 * @param hostEndpointsOnly whether it applies only to host endpoints ({@code preDNAT} or {@code doNotTrack})
 * @param stagedAction      for a staged policy, what committing it would do; {@link StagedAction#NONE} otherwise
 */
public record Policy(PolicyKind kind, String namespace, String name, String resource, String tier, double order,
        List<Conjunct> subject, Set<Direction> types, List<Rule> ingress, List<Rule> egress,
        boolean hostEndpointsOnly, StagedAction stagedAction) {

    public Policy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(tier, "tier");
        subject = List.copyOf(subject);
        types = Set.copyOf(types);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        Objects.requireNonNull(stagedAction, "stagedAction");
    }

    /** Whether it governs the direction. */
    public boolean governs(Direction direction) {
        return types.contains(direction);
    }

    /** Its rules for the direction. */
    public List<Rule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** Calico's tie-break between policies of equal order: {@code name/namespace/kind}, compared as a string. */
    public String tieBreak() {
        return name + "/" + namespace + "/" + kind.calicoKind();
    }

    /** Whether its order was set. */
    public boolean hasOrder() {
        return order != Double.POSITIVE_INFINITY;
    }
}
