package dev.kordon.dsl;

import java.util.List;
import java.util.Objects;

/**
 * One requirement of a {@link LabelSelector}: a key, an operator and (for {@code In}/{@code NotIn}) values.
 *
 * <p>Values are kept sorted and distinct. A {@code matchLabels} entry {@code app: web} is the requirement
 * {@code app In (web)}.
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

    /** The Kubernetes label selector operators. */
    public enum Operator {
        IN("in"),
        NOT_IN("notin"),
        EXISTS("exists"),
        DOES_NOT_EXIST("doesnotexist");

        private final String text;

        Operator(String text) {
            this.text = text;
        }

        /** Whether this operator takes a list of values. */
        public boolean takesValues() {
            return this == IN || this == NOT_IN;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public LabelRequirement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        values = Canonical.sortedSet(values, "values");
    }

    /** Whether this requirement came from, or can be written as, a single {@code matchLabels} entry. */
    public boolean isEquality() {
        return operator == Operator.IN && values.size() == 1;
    }

    /** Kubernetes selector syntax: {@code app=web}, {@code tier in (a,b)}, {@code tier notin (a)}, {@code x}, {@code !x}. */
    @Override
    public String toString() {
        String k = Canonical.quote(key);
        return switch (operator) {
            case IN -> isEquality() ? k + "=" + Canonical.quote(values.get(0))
                    : k + " in (" + Canonical.quoteAll(values, ",") + ")";
            case NOT_IN -> k + " notin (" + Canonical.quoteAll(values, ",") + ")";
            case EXISTS -> k;
            case DOES_NOT_EXIST -> "!" + k;
        };
    }
}
