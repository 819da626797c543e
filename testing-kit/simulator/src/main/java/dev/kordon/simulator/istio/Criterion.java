package dev.kordon.simulator.istio;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One field of a source or operation, or one {@code when} condition: it holds when any of {@code values} matches
 * (or there are none) and none of {@code notValues} matches.
 *
 * @param name      how the policy names it, e.g. {@code principals} or {@code request.headers[x-token]}
 * @param notName   how the policy names its negation, e.g. {@code notPrincipals} or {@code notValues}
 * @param condition whether it is a {@code when} condition (its name is a key)
 * @param attribute what it tests
 * @param key       the header name or the claim path, or empty
 * @param values    the values, any of which must match
 * @param notValues the values none of which may match
 */
record Criterion(String name, String notName, boolean condition, Attribute attribute, List<String> key,
        List<ValuePattern> values, List<ValuePattern> notValues) {

    Criterion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(notName, "notName");
        Objects.requireNonNull(attribute, "attribute");
        key = List.copyOf(key);
        values = List.copyOf(values);
        notValues = List.copyOf(notValues);
    }

    /** Whether the request meets it. */
    Tri test(RequestFacts facts) {
        Tri any = values.isEmpty() ? Tri.YES : Tri.NO;
        for (ValuePattern value : values) {
            any = any.or(value.test(facts));
        }
        Tri none = Tri.YES;
        for (ValuePattern value : notValues) {
            none = none.and(value.test(facts).not());
        }
        return any.and(none);
    }

    /** As written: {@code principals [a, b]}, {@code when request.headers[x] notValues [admin]}. */
    String describe() {
        StringBuilder text = new StringBuilder(condition ? "when " + name : "");
        if (!values.isEmpty()) {
            text.append(condition ? " values " : name + " ").append(list(values));
        }
        if (!notValues.isEmpty()) {
            text.append(text.length() == 0 ? "" : " ").append(notName).append(' ').append(list(notValues));
        }
        return text.toString();
    }

    private static String list(List<ValuePattern> patterns) {
        return patterns.stream().map(ValuePattern::text).collect(Collectors.joining(", ", "[", "]"));
    }
}
