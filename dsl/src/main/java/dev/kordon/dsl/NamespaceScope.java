package dev.kordon.dsl;

import java.util.List;
import java.util.Objects;

/** Which namespaces a pod selection spans: some by name, those whose labels match, or all of them. */
public sealed interface NamespaceScope permits NamespaceScope.Named, NamespaceScope.Labelled, NamespaceScope.All {

    /** Namespaces given by name. */
    record Named(List<String> names) implements NamespaceScope {
        public Named {
            names = Canonical.sortedSet(names, "names");
        }

        @Override
        public String toString() {
            return names.size() == 1 ? Canonical.quote(names.get(0)) : "(" + Canonical.quoteAll(names, ",") + ")";
        }
    }

    /** Namespaces whose labels match a selector. */
    record Labelled(LabelSelector selector) implements NamespaceScope {
        public Labelled {
            Objects.requireNonNull(selector, "selector");
        }

        @Override
        public String toString() {
            return "ns" + selector;
        }
    }

    /** Every namespace of the cluster. */
    record All() implements NamespaceScope {
        @Override
        public String toString() {
            return "*";
        }
    }
}
