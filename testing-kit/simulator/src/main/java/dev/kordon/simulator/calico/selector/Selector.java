package dev.kordon.simulator.calico.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A parsed Calico selector: {@code all()}, {@code global()}, {@code has(k)}, comparisons, set membership, and their
 * negations and combinations. {@code k != "v"} and {@code k not in {...}} hold when the label is absent.
 *
 * <pre>{@code
 * Selector selector = Selector.parse("role == 'db' && !has(legacy)");
 * selector.matches(Labels.of(Map.of("role", "db")));          // true
 * selector.whyNot(Labels.of(Map.of("role", "web")));          // role == "db" but role is "web"
 * }</pre>
 */
public sealed interface Selector permits Selector.All, Selector.Global, Selector.Has, Selector.Compare,
        Selector.InSet, Selector.Not, Selector.And, Selector.Or {

    /** Parses a selector as Calico does; the empty string is {@code all()}. */
    static Selector parse(String text) {
        return new SelectorParser(text).parse();
    }

    /** Whether the labels satisfy this selector. */
    boolean matches(Labels labels);

    /** The part of this selector that does not hold for the labels, in words; empty when it matches. */
    Optional<String> whyNot(Labels labels);

    /** Whether {@code global()} appears anywhere in it. */
    boolean mentionsGlobal();

    /** {@code all()}: everything (in a namespace selector: every namespaced endpoint). */
    record All() implements Selector {
        @Override
        public boolean matches(Labels labels) {
            return labels.all();
        }

        @Override
        public Optional<String> whyNot(Labels labels) {
            return matches(labels) ? Optional.empty()
                    : Optional.of("all() selects only endpoints in a namespace, and this one is in none");
        }

        @Override
        public boolean mentionsGlobal() {
            return false;
        }

        @Override
        public String toString() {
            return "all()";
        }
    }

    /** {@code global()}: non-namespaced resources (only meaningful in a rule's namespace selector). */
    record Global() implements Selector {
        @Override
        public boolean matches(Labels labels) {
            return labels.global();
        }

        @Override
        public Optional<String> whyNot(Labels labels) {
            return matches(labels) ? Optional.empty()
                    : Optional.of("global() selects only non-namespaced resources, and this one is in a namespace");
        }

        @Override
        public boolean mentionsGlobal() {
            return true;
        }

        @Override
        public String toString() {
            return "global()";
        }
    }

    /** {@code has(key)}. */
    record Has(String key) implements Selector {
        public Has {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public boolean matches(Labels labels) {
            return labels.get(key).isPresent();
        }

        @Override
        public Optional<String> whyNot(Labels labels) {
            return matches(labels) ? Optional.empty() : Optional.of(this + " but there is no label " + key);
        }

        @Override
        public boolean mentionsGlobal() {
            return false;
        }

        @Override
        public String toString() {
            return "has(" + key + ")";
        }
    }

    /** A comparison of a label's value with a string. */
    record Compare(String key, Operator operator, String value) implements Selector {

        /** The comparison operators. */
        public enum Operator {
            EQUALS("=="),
            NOT_EQUALS("!="),
            CONTAINS("contains"),
            STARTS_WITH("starts with"),
            ENDS_WITH("ends with");

            private final String text;

            Operator(String text) {
                this.text = text;
            }

            @Override
            public String toString() {
                return text;
            }
        }

        public Compare {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean matches(Labels labels) {
            Optional<String> actual = labels.get(key);
            if (actual.isEmpty()) {
                return operator == Operator.NOT_EQUALS;
            }
            String label = actual.get();
            return switch (operator) {
                case EQUALS -> label.equals(value);
                case NOT_EQUALS -> !label.equals(value);
                case CONTAINS -> label.contains(value);
                case STARTS_WITH -> label.startsWith(value);
                case ENDS_WITH -> label.endsWith(value);
            };
        }

        @Override
        public Optional<String> whyNot(Labels labels) {
            if (matches(labels)) {
                return Optional.empty();
            }
            return Optional.of(this + labels.get(key).map(actual -> " but " + key + " is " + quote(actual))
                    .orElse(" but there is no label " + key));
        }

        @Override
        public boolean mentionsGlobal() {
            return false;
        }

        @Override
        public String toString() {
            return key + " " + operator + " " + quote(value);
        }
    }

    /** {@code key in {...}}, or {@code key not in {...}} when negated (which holds when the label is absent). */
    record InSet(String key, SortedSet<String> values, boolean negated) implements Selector {
        public InSet {
            Objects.requireNonNull(key, "key");
            values = new TreeSet<>(values);
        }

        @Override
        public boolean matches(Labels labels) {
            Optional<String> actual = labels.get(key);
            boolean in = actual.isPresent() && values.contains(actual.get());
            return negated != in;
        }

        @Override
        public Optional<String> whyNot(Labels labels) {
            if (matches(labels)) {
                return Optional.empty();
            }
            return Optional.of(this + labels.get(key).map(actual -> " but " + key + " is " + quote(actual))
                    .orElse(" but there is no label " + key));
        }

        @Override
        public boolean mentionsGlobal() {
            return false;
        }

        @Override
        public String toString() {
            List<String> quoted = new ArrayList<>();
            values.forEach(value -> quoted.add(quote(value)));
            return key + (negated ? " not in {" : " in {") + String.join(", ", quoted) + "}";
        }
    }

    /** {@code !operand}. */
    record Not(Selector operand) implements Selector {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean matches(Labels labels) {
            return !operand.matches(labels);
        }

        @Override
        public Optional<String> whyNot(Labels labels) {
            return matches(labels) ? Optional.empty() : Optional.of(this + " but " + operand + " holds");
        }

        @Override
        public boolean mentionsGlobal() {
            return operand.mentionsGlobal();
        }

        @Override
        public String toString() {
            return "!" + operand;
        }
    }

    /** {@code a && b && ...}. */
    record And(List<Selector> operands) implements Selector {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean matches(Labels labels) {
            return operands.stream().allMatch(operand -> operand.matches(labels));
        }

        @Override
        public Optional<String> whyNot(Labels labels) {
            return operands.stream().map(operand -> operand.whyNot(labels)).flatMap(Optional::stream).findFirst();
        }

        @Override
        public boolean mentionsGlobal() {
            return operands.stream().anyMatch(Selector::mentionsGlobal);
        }

        @Override
        public String toString() {
            return "(" + String.join(" && ", operands.stream().map(Selector::toString).toList()) + ")";
        }
    }

    /** {@code a || b || ...}. */
    record Or(List<Selector> operands) implements Selector {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean matches(Labels labels) {
            return operands.stream().anyMatch(operand -> operand.matches(labels));
        }

        @Override
        public Optional<String> whyNot(Labels labels) {
            if (matches(labels)) {
                return Optional.empty();
            }
            return Optional.of("none of " + this + " holds: " + String.join("; ",
                    operands.stream().map(operand -> operand.whyNot(labels).orElse("")).toList()));
        }

        @Override
        public boolean mentionsGlobal() {
            return operands.stream().anyMatch(Selector::mentionsGlobal);
        }

        @Override
        public String toString() {
            return "(" + String.join(" || ", operands.stream().map(Selector::toString).toList()) + ")";
        }
    }

    /** A string literal as Calico prints it: in double quotes, or single quotes when it contains a double quote. */
    static String quote(String value) {
        return value.contains("\"") ? "'" + value + "'" : "\"" + value + "\"";
    }
}
