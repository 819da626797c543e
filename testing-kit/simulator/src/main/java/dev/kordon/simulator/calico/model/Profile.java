package dev.kordon.simulator.calico.model;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Calico profile: evaluated after every tier; its labels are inherited by the endpoints that carry it. Kubernetes
 * pods carry {@code kns.<namespace>} (allow everything; namespace labels as {@code pcns.*}) and
 * {@code ksa.<namespace>.<serviceaccount>} (no rules; service-account labels as {@code pcsa.*}).
 *
 * @param name          the profile's name
 * @param resource      how messages name it
 * @param labelsToApply the labels endpoints inherit from it
 * @param ingress       its ingress rules, in order
 * @param egress        its egress rules, in order
 */
public record Profile(String name, String resource, SortedMap<String, String> labelsToApply, List<Rule> ingress,
        List<Rule> egress) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        labelsToApply = new TreeMap<>(labelsToApply);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** Its rules for the direction. */
    public List<Rule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }
}
