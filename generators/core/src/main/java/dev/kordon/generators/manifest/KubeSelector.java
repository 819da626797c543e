package dev.kordon.generators.manifest;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Kubernetes {@code LabelSelector} as written in manifests: single-value {@code In} requirements become
 * {@code matchLabels}, everything else {@code matchExpressions} in canonical order. Empty parts are {@code null}, so
 * that a selector matching everything is written {@code {}}.
 */
public record KubeSelector(SortedMap<String, String> matchLabels, List<Expression> matchExpressions) {

    /** The label every namespace carries with its own name. */
    public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    public KubeSelector {
        matchLabels = Manifests.sorted(matchLabels);
        matchExpressions = matchExpressions == null || matchExpressions.isEmpty() ? null : List.copyOf(matchExpressions);
    }

    /** One {@code matchExpressions} entry; {@code values} is {@code null} for Exists and DoesNotExist. */
    public record Expression(String key, String operator, List<String> values) {
        public Expression {
            values = values == null || values.isEmpty() ? null : List.copyOf(values);
        }
    }

    /** The manifest form of a selector. */
    public static KubeSelector of(LabelSelector selector) {
        SortedMap<String, String> labels = new TreeMap<>();
        List<Expression> expressions = new ArrayList<>();
        for (LabelRequirement requirement : selector.requirements()) {
            if (requirement.isEquality() && !labels.containsKey(requirement.key())) {
                labels.put(requirement.key(), requirement.values().get(0));
            } else {
                expressions.add(new Expression(requirement.key(), operator(requirement.operator()),
                        requirement.values()));
            }
        }
        return new KubeSelector(labels, expressions);
    }

    /** The selector of namespaces by name, through {@value #NAMESPACE_NAME_LABEL}. */
    public static KubeSelector namespaces(List<String> names) {
        if (names.size() == 1) {
            SortedMap<String, String> labels = new TreeMap<>();
            labels.put(NAMESPACE_NAME_LABEL, names.get(0));
            return new KubeSelector(labels, null);
        }
        return new KubeSelector(null, List.of(new Expression(NAMESPACE_NAME_LABEL, "In",
                names.stream().sorted().toList())));
    }

    /** The selector that matches everything in its scope: {@code {}}. */
    public static KubeSelector all() {
        return new KubeSelector(null, null);
    }

    private static String operator(LabelRequirement.Operator operator) {
        return switch (operator) {
            case IN -> "In";
            case NOT_IN -> "NotIn";
            case EXISTS -> "Exists";
            case DOES_NOT_EXIST -> "DoesNotExist";
        };
    }
}
