package dev.kordon.simulator.cilium;

import dev.kordon.dsl.LabelRequirement.Operator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One requirement of a Cilium endpoint selector: a label of a source ({@code k8s}, {@code reserved}, or {@code any}
 * for a key written without a source), an operator and values.
 *
 * @param source   the label source the key names
 * @param key      the key without its source
 * @param operator the Kubernetes selector operator
 * @param values   the values of {@code In}/{@code NotIn}
 * @param origin   why Cilium added it, or empty when the user wrote it
 */
record Requirement(String source, String key, Operator operator, List<String> values, String origin) {

    Requirement {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        Objects.requireNonNull(origin, "origin");
    }

    /** The requirement {@code source:key=value} that Cilium adds, saying why. */
    static Requirement added(String source, String key, String value, String origin) {
        return new Requirement(source, key, Operator.IN, List.of(value), origin);
    }

    /** The requirement {@code source:key} (exists) that Cilium adds, saying why. */
    static Requirement addedExists(String source, String key, String origin) {
        return new Requirement(source, key, Operator.EXISTS, List.of(), origin);
    }

    /** Whether the identity satisfies it. */
    boolean matches(Identity identity) {
        return mismatch(identity).isEmpty();
    }

    /** Why the identity does not satisfy it, or empty when it does. */
    Optional<String> mismatch(Identity identity) {
        Optional<String> value = identity.label(source, key);
        String has = value.map(v -> identity + " has " + label() + (v.isEmpty() ? "" : "=" + v))
                .orElse(identity + " has no label " + label());
        boolean ok = switch (operator) {
            case IN -> value.isPresent() && values.contains(value.get());
            case NOT_IN -> value.isEmpty() || !values.contains(value.get());
            case EXISTS -> value.isPresent();
            case DOES_NOT_EXIST -> value.isEmpty();
        };
        String why = origin.isEmpty() ? "" : " (" + origin + ")";
        return ok ? Optional.empty() : Optional.of("requires " + text() + why + ", " + has);
    }

    /** The key as a selector writes it: {@code k8s:app}, or {@code app} for any source. */
    String label() {
        return source.equals("any") ? key : source + ":" + key;
    }

    @Override
    public String toString() {
        return origin.isEmpty() ? text() : text() + " (added by Cilium)";
    }

    private String text() {
        return switch (operator) {
            case IN -> values.size() == 1 ? label() + "=" + values.get(0)
                    : label() + " in (" + String.join(", ", values) + ")";
            case NOT_IN -> label() + " notin (" + String.join(", ", values) + ")";
            case EXISTS -> label();
            case DOES_NOT_EXIST -> "!" + label();
        };
    }
}
