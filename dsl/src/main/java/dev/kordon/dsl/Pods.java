package dev.kordon.dsl;

import java.util.Objects;

/**
 * The pods that match {@code selector} in the namespaces of {@code namespaces}.
 *
 * <p>{@code allPodsIn("shop")}, {@code pods(inNamespace("shop"), labels("tier", "web"))},
 * {@code podsInNamespaces(labels("tenant", "a"))}, {@code allPods()}.
 */
public record Pods(NamespaceScope namespaces, LabelSelector selector) implements Peer {

    public Pods {
        Objects.requireNonNull(namespaces, "namespaces");
        Objects.requireNonNull(selector, "selector");
    }

    @Override
    public boolean isPods() {
        return true;
    }

    @Override
    public String shortName() {
        String scope;
        if (namespaces instanceof NamespaceScope.All) {
            scope = "all";
        } else if (namespaces instanceof NamespaceScope.Named) {
            scope = String.join("-", ((NamespaceScope.Named) namespaces).names());
        } else {
            scope = "ns-" + valuesOf(((NamespaceScope.Labelled) namespaces).selector());
        }
        return selector.matchesAll() ? scope + "-pods" : scope + "-" + valuesOf(selector);
    }

    private static String valuesOf(LabelSelector selector) {
        StringBuilder text = new StringBuilder();
        for (LabelRequirement requirement : selector.requirements()) {
            text.append(text.length() == 0 ? "" : "-")
                    .append(requirement.values().isEmpty() ? requirement.key() : String.join("-", requirement.values()));
        }
        return text.toString();
    }

    /** Canonical text, e.g. {@code pods(shop {app=web})} or {@code pods(* {})} for every pod of the cluster. */
    @Override
    public String toString() {
        return "pods(" + namespaces + " " + selector + ")";
    }
}
