package dev.kordon.generators.cilium;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.generators.manifest.KubeSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects the requirements of one Cilium endpoint selector (namespace, namespace labels, service account, pod labels)
 * and writes them in Kubernetes selector form, in canonical order.
 */
final class SelectorBuilder {

    /** The longest value the CRD accepts in {@code matchLabels}; longer ones go to {@code matchExpressions}. */
    private static final int MAX_LABEL_VALUE = 63;

    private final List<LabelRequirement> requirements = new ArrayList<>();

    /** Pods of one of these namespaces. */
    SelectorBuilder inNamespaces(List<String> names) {
        requirements.add(new LabelRequirement(IdentityLabels.NAMESPACE, LabelRequirement.Operator.IN, names));
        return this;
    }

    /** Pods of any namespace: Kubernetes pods only, never nodes, the world or Cilium's own endpoints. */
    SelectorBuilder inAnyNamespace() {
        requirements.add(new LabelRequirement(IdentityLabels.NAMESPACE, LabelRequirement.Operator.EXISTS, List.of()));
        return this;
    }

    /** Pods of the namespaces of a scope: by name, by namespace labels, or any (see {@link #inAnyNamespace}). */
    SelectorBuilder inScope(NamespaceScope scope) {
        if (scope instanceof NamespaceScope.Named) {
            return inNamespaces(((NamespaceScope.Named) scope).names());
        }
        inAnyNamespace();
        if (scope instanceof NamespaceScope.Labelled) {
            for (LabelRequirement requirement : ((NamespaceScope.Labelled) scope).selector().requirements()) {
                requirements.add(new LabelRequirement(IdentityLabels.NAMESPACE_LABELS + requirement.key(),
                        requirement.operator(), requirement.values()));
            }
        }
        return this;
    }

    /** Pods running as this service account. */
    SelectorBuilder serviceAccount(String name) {
        requirements.add(new LabelRequirement(IdentityLabels.SERVICE_ACCOUNT, LabelRequirement.Operator.IN,
                List.of(name)));
        return this;
    }

    /** Pods whose own labels match. */
    SelectorBuilder pods(LabelSelector selector) {
        requirements.addAll(selector.requirements());
        return this;
    }

    /** The selector: single values in {@code matchLabels}, the rest in {@code matchExpressions}, sorted by key. */
    KubeSelector build() {
        SortedMap<String, String> labels = new TreeMap<>();
        List<KubeSelector.Expression> expressions = new ArrayList<>();
        List<LabelRequirement> sorted = requirements.stream().distinct()
                .sorted(Comparator.comparing(LabelRequirement::key)
                        .thenComparing(LabelRequirement::operator)
                        .thenComparing(requirement -> String.join(",", requirement.values())))
                .toList();
        for (LabelRequirement requirement : sorted) {
            boolean single = requirement.operator() == LabelRequirement.Operator.IN
                    && requirement.values().size() == 1
                    && requirement.values().get(0).length() <= MAX_LABEL_VALUE;
            if (single && !labels.containsKey(requirement.key())) {
                labels.put(requirement.key(), requirement.values().get(0));
            } else {
                expressions.add(new KubeSelector.Expression(requirement.key(), operator(requirement.operator()),
                        requirement.values()));
            }
        }
        return new KubeSelector(labels, expressions);
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
