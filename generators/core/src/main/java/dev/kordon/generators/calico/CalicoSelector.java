package dev.kordon.generators.calico;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Calico selector expressions (backends.md §3.3) written from Kordon's label selectors, with Kubernetes semantics:
 * {@code k == "v"}, {@code k in {"a", "b"}}, {@code k != "v"} and {@code k not in {...}} (which, like {@code NotIn},
 * match pods without the label), {@code has(k)}, {@code !has(k)}, and {@code all()} for the empty selector.
 *
 * <p>Values are quoted with {@code "}. Calico strings have no escape sequences, so a value containing {@code "} is
 * quoted with {@code '}, and one containing both cannot be written at all ({@link #unwritableValue}).
 */
final class CalicoSelector {

    /** Everything in scope. */
    static final String ALL = "all()";

    /**
     * The pods of Kubernetes, as Calico's own conversion of Kubernetes NetworkPolicy peers pins them: without it a
     * selector in a rule also matches network sets that carry the same labels.
     */
    static final String KUBERNETES_PODS = "projectcalico.org/orchestrator == \"k8s\"";

    private static final String NAMESPACE_NAME = "projectcalico.org/name";
    private static final String SERVICE_ACCOUNT = "projectcalico.org/serviceaccount";
    private static final Pattern LABEL_KEY = Pattern.compile("[a-zA-Z0-9_./-]+");

    private CalicoSelector() {
    }

    /** The selector of a label selector: its requirements joined with {@code &&}, or {@code all()} when empty. */
    static String of(LabelSelector selector) {
        if (selector.matchesAll()) {
            return ALL;
        }
        List<String> terms = new ArrayList<>();
        for (LabelRequirement requirement : selector.requirements()) {
            terms.add(term(requirement));
        }
        return String.join(" && ", terms);
    }

    private static String term(LabelRequirement requirement) {
        String key = key(requirement.key());
        List<String> values = requirement.values();
        return switch (requirement.operator()) {
            case IN -> values.size() == 1 ? key + " == " + quote(values.get(0)) : key + " in " + set(values);
            case NOT_IN -> values.size() == 1 ? key + " != " + quote(values.get(0)) : key + " not in " + set(values);
            case EXISTS -> "has(" + key + ")";
            case DOES_NOT_EXIST -> "!has(" + key + ")";
        };
    }

    /** Namespaces by name, in a {@code namespaceSelector}. */
    static String namespacesNamed(List<String> names) {
        return names.size() == 1 ? NAMESPACE_NAME + " == " + quote(names.get(0))
                : NAMESPACE_NAME + " in " + set(names);
    }

    /** The pods that run as a service account, as a policy's own selector (in the account's namespace). */
    static String serviceAccount(String name) {
        return SERVICE_ACCOUNT + " == " + quote(name);
    }

    /** Pods of Kubernetes that the selector matches, for a rule's {@code selector}. */
    static String kubernetesPods(String selector) {
        return selector.equals(ALL) ? KUBERNETES_PODS : KUBERNETES_PODS + " && " + selector;
    }

    /** Endpoints matching any of the selectors: {@code (a) || (b)}, or {@code all()} when one of them is. */
    static String anyOf(List<String> selectors) {
        TreeSet<String> distinct = new TreeSet<>(selectors);
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no selector to combine");
        }
        if (distinct.contains(ALL)) {
            return ALL;
        }
        if (distinct.size() == 1) {
            return distinct.first();
        }
        List<String> parts = new ArrayList<>();
        for (String selector : distinct) {
            parts.add("(" + selector + ")");
        }
        return String.join(" || ", parts);
    }

    /** The first value of the selector that no Calico string can hold (it contains both {@code "} and {@code '}). */
    static Optional<String> unwritableValue(LabelSelector selector) {
        for (LabelRequirement requirement : selector.requirements()) {
            for (String value : requirement.values()) {
                if (value.contains("\"") && value.contains("'")) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** The first label key of the selector that Calico's tokenizer would not read as one key. */
    static Optional<String> unwritableKey(LabelSelector selector) {
        return selector.requirements().stream().map(LabelRequirement::key)
                .filter(key -> !LABEL_KEY.matcher(key).matches()).findFirst();
    }

    /** A Calico string literal: {@code "v"}, or {@code 'v'} when the value contains {@code "}. */
    static String quote(String value) {
        if (!value.contains("\"")) {
            return "\"" + value + "\"";
        }
        if (!value.contains("'")) {
            return "'" + value + "'";
        }
        throw new IllegalStateException("a Calico selector cannot hold a value with both quote characters: " + value
                + "; the fidelity check should have refused it");
    }

    private static String key(String key) {
        if (!LABEL_KEY.matcher(key).matches()) {
            throw new IllegalStateException("not a label key Calico can read: " + key);
        }
        return key;
    }

    private static String set(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : new TreeSet<>(values)) {
            quoted.add(quote(value));
        }
        return "{" + String.join(", ", quoted) + "}";
    }
}
