package dev.kordon.simulator.calico.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A tier: its order (lower first; {@link Double#POSITIVE_INFINITY} when unset, so it sorts last) and the action at
 * its end for an endpoint that some policy of the tier selects but no rule decided.
 *
 * @param name          the tier's name
 * @param order         its order, infinity when unset
 * @param defaultAction {@link Action#DENY} or {@link Action#PASS}
 * @param resource      how messages name it, e.g. {@code Tier default}
 */
public record Tier(String name, double order, Action defaultAction, String resource) {

    /** The tier Kubernetes NetworkPolicy and policies without a tier go to. */
    public static final String DEFAULT = "default";

    /** The tier of ClusterNetworkPolicy with {@code tier: Admin}. */
    public static final String KUBE_ADMIN = "kube-admin";

    /** The tier of ClusterNetworkPolicy with {@code tier: Baseline}. */
    public static final String KUBE_BASELINE = "kube-baseline";

    /** Calico's evaluation order: by order (unset last), ties by name. */
    public static final Comparator<Tier> ORDER = Comparator.comparingDouble(Tier::order).thenComparing(Tier::name);

    public Tier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultAction, "defaultAction");
        Objects.requireNonNull(resource, "resource");
        if (defaultAction != Action.DENY && defaultAction != Action.PASS) {
            throw new IllegalArgumentException("a tier's default action is Deny or Pass: " + defaultAction);
        }
    }

    /** A tier Calico creates itself. */
    public static Tier builtIn(String name, double order, Action defaultAction) {
        return new Tier(name, order, defaultAction, "Tier " + name);
    }
}
