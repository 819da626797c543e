package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes label selector: every requirement must hold (AND).
 *
 * <p>Requirements are kept in canonical order, so selectors written in a different order are equal. A selector
 * with no requirement selects everything in its scope; the DSL only builds one through explicitly named calls
 * such as {@code allPodsIn("shop")}.
 *
 * <p>{@code labels("app", "web").and(label("tier").in("a", "b"))}
 */
public record LabelSelector(List<LabelRequirement> requirements) {

    private static final LabelSelector ALL = new LabelSelector(List.of());

    public LabelSelector {
        requirements = Canonical.sortedSet(requirements, "requirements");
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
        return new LabelSelector(combined);
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
        return "{" + Canonical.join(requirements, ",") + "}";
    }
}
