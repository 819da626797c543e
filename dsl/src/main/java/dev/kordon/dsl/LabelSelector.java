package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes label selector: every requirement must hold (AND).
 *
 * <p>Requirements are kept in canonical order, so selectors written in a different order are equal. A selector
 * with no requirement selects everything in its scope. Only {@link #matchingAll()} (and the DSL calls named for it,
 * such as {@code namespace("shop")} or {@code allPods()}) builds one on purpose; an empty selector reached any other
 * way, say {@code labels(Map.of())}, is reported by validation instead of silently meaning "everything".
 *
 * <p>{@code labels("app", "web").and(label("tier").in("a", "b"))}
 *
 * @param requirements  the requirements, all of which must hold
 * @param matchingAllOnPurpose whether an empty requirement list was asked for by name (always false when there are
 *                      requirements)
 */
public record LabelSelector(List<LabelRequirement> requirements, boolean matchingAllOnPurpose) {

    private static final LabelSelector ALL = new LabelSelector(List.of(), true);

    public LabelSelector {
        requirements = Canonical.sortedSet(requirements, "requirements");
        matchingAllOnPurpose = matchingAllOnPurpose && requirements.isEmpty();
    }

    /** A selector made of these requirements; empty only by mistake (see {@link #matchingAll()}). */
    public LabelSelector(List<LabelRequirement> requirements) {
        this(requirements, false);
    }

    /** The selector that matches every object in its scope. Named so that "everything" is never implicit. */
    public static LabelSelector matchingAll() {
        return ALL;
    }

    /** A selector requiring the label {@code key=value}. */
    public static LabelSelector labels(String key, String value) {
        return new LabelSelector(List.of(equality(key, value)));
    }

    /** A selector requiring every entry of the map as a label. An empty map is reported by validation. */
    public static LabelSelector labels(Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        List<LabelRequirement> requirements = new ArrayList<>();
        labels.forEach((key, value) -> requirements.add(equality(key, value)));
        return new LabelSelector(requirements);
    }

    /** A selector made of the given requirements. */
    public static LabelSelector of(LabelRequirement first, LabelRequirement... more) {
        List<LabelRequirement> requirements = new ArrayList<>();
        requirements.add(first);
        requirements.addAll(List.of(more));
        return new LabelSelector(requirements);
    }

    private static LabelRequirement equality(String key, String value) {
        return new LabelRequirement(key, LabelRequirement.Operator.IN, List.of(Objects.requireNonNull(value, "value")));
    }

    /** This selector with the label {@code key=value} also required. */
    public LabelSelector and(String key, String value) {
        return and(labels(key, value));
    }

    /** This selector with every requirement of {@code other} also required. */
    public LabelSelector and(LabelSelector other) {
        List<LabelRequirement> combined = new ArrayList<>(requirements);
        combined.addAll(other.requirements);
        return new LabelSelector(combined, matchingAllOnPurpose && other.matchingAllOnPurpose);
    }

    /** Whether this selector is empty without having been asked for by name: a mistake that validation reports. */
    public boolean isAccidentallyEmpty() {
        return requirements.isEmpty() && !matchingAllOnPurpose;
    }

    /** Whether this selector matches every object in its scope. */
    public boolean matchesAll() {
        return requirements.isEmpty();
    }

    /** Whether the given labels satisfy every requirement. */
    public boolean matches(Map<String, String> labels) {
        for (LabelRequirement requirement : requirements) {
            String value = labels.get(requirement.key());
            boolean ok = switch (requirement.operator()) {
                case IN -> value != null && requirement.values().contains(value);
                case NOT_IN -> value == null || !requirement.values().contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Kubernetes selector syntax in braces, e.g. {@code {app=web,tier in (a,b)}}; {@code {}} matches all. */
    @Override
    public String toString() {
        return isAccidentallyEmpty() ? "{(none given)}" : "{" + Canonical.join(requirements, ",") + "}";
    }
}
