package dev.kordon.codegen.importer;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.simulator.input.Fields;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import tools.jackson.databind.JsonNode;

/** Label selectors read from policy YAML, as the DSL says them. */
final class ImportedSelectors {

    /** The label the API server gives every namespace: its name. */
    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private ImportedSelectors() {
    }

    /** A Kubernetes {@code LabelSelector}; an empty one selects everything, on purpose. */
    static LabelSelector read(Manifest manifest, String path, JsonNode node, Problems problems) {
        return byName(Fields.labelSelector(manifest, path, node, problems));
    }

    /** An empty selector read from YAML selects everything on purpose: say so, as the DSL requires. */
    static LabelSelector byName(LabelSelector selector) {
        return selector.matchesAll() ? LabelSelector.matchingAll() : selector;
    }

    /**
     * The namespaces a namespace selector picks: named ones when it only asks for {@code kubernetes.io/metadata.name},
     * every one when it is empty, otherwise those with the labels.
     */
    static NamespaceScope scope(LabelSelector namespaces) {
        if (namespaces.matchesAll()) {
            return new NamespaceScope.All();
        }
        if (namespaces.requirements().size() == 1) {
            LabelRequirement only = namespaces.requirements().get(0);
            if (only.key().equals(NAMESPACE_NAME) && only.operator() == LabelRequirement.Operator.IN) {
                return new NamespaceScope.Named(only.values());
            }
        }
        return new NamespaceScope.Labelled(namespaces);
    }
}
