package dev.kordon.simulator.cilium;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.input.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads label selectors the way Cilium does [CIL-K8SUTIL]: a key {@code source:key} names a label source
 * ({@code k8s}, {@code reserved}, {@code any}), a key without one matches any source; and injects the namespace
 * requirements Cilium adds to CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy selectors.
 */
final class SelectorParser {

    private static final Set<String> SOURCES = Set.of("k8s", "reserved", "any");

    private final ManifestFields fields;

    SelectorParser(ManifestFields fields) {
        this.fields = fields;
    }

    /** A Cilium selector as written; keys without a source prefix match labels of any source. */
    EndpointSelector cilium(String path, JsonNode node) {
        List<Requirement> requirements = new ArrayList<>();
        for (LabelRequirement requirement : read(path, node).requirements()) {
            String key = requirement.key();
            int colon = key.indexOf(':');
            String source = colon < 0 ? "any" : key.substring(0, colon);
            if (!SOURCES.contains(source)) {
                fields.unsupported(path, "label source '" + source + ":' in key " + key
                        + " (the simulator models k8s:, reserved: and any:)");
                continue;
            }
            requirements.add(new Requirement(source, colon < 0 ? key : key.substring(colon + 1),
                    requirement.operator(), requirement.values(), ""));
        }
        return new EndpointSelector(requirements);
    }

    /** A Kubernetes selector as Cilium translates it: every key of source {@code k8s}, prefixed as given. */
    EndpointSelector kubernetes(String path, JsonNode node, String keyPrefix) {
        List<Requirement> requirements = new ArrayList<>();
        for (LabelRequirement requirement : read(path, node).requirements()) {
            requirements.add(new Requirement("k8s", keyPrefix + requirement.key(), requirement.operator(),
                    requirement.values(), ""));
        }
        return new EndpointSelector(requirements);
    }

    private LabelSelector read(String path, JsonNode node) {
        if (!fields.isMap(path, node)) {
            return LabelSelector.matchingAll();
        }
        JsonNode labels = node.path("matchLabels");
        if (fields.isMap(path + ".matchLabels", labels)) {
            for (Map.Entry<String, JsonNode> label : labels.properties()) {
                if (!label.getValue().isString()) {
                    fields.problem(path + ".matchLabels." + label.getKey(), "is not a string: " + label.getValue(),
                            "quote the label value");
                }
            }
        }
        return Fields.labelSelector(fields.manifest(), path, node, fields.problems());
    }

    /** A CiliumNetworkPolicy's endpointSelector: always confined to the policy's namespace. */
    static EndpointSelector cnpSubject(EndpointSelector selector, String namespace) {
        return selector.without(r -> r.source().equals("k8s") && r.key().equals(Identities.NAMESPACE)
                && r.operator() == LabelRequirement.Operator.IN)
                .and(Requirement.added("k8s", Identities.NAMESPACE, namespace,
                        "added by Cilium: a CiliumNetworkPolicy applies in its own namespace"));
    }

    /**
     * A {@code fromEndpoints}/{@code toEndpoints} selector after injection: one without a namespace key selects its
     * own namespace in a CiliumNetworkPolicy (unless it selects by namespace labels) and pods of every namespace in
     * a CiliumClusterwideNetworkPolicy ({@code namespace} empty); selectors on reserved labels are left alone.
     */
    static EndpointSelector peer(EndpointSelector selector, String namespace, boolean subjectMatchesInit) {
        if (selector.hasReservedKey() || selector.hasKey(Identities.NAMESPACE)) {
            return selector;
        }
        if (namespace.isEmpty()) {
            return subjectMatchesInit ? selector : selector.and(Requirement.addedExists("k8s", Identities.NAMESPACE,
                    "added by Cilium: a CiliumClusterwideNetworkPolicy peer without a namespace selects pods of"
                            + " every namespace"));
        }
        if (selector.hasKeyPrefix(Identities.NAMESPACE_LABELS)) {
            return selector;
        }
        return selector.and(Requirement.added("k8s", Identities.NAMESPACE, namespace,
                "added by Cilium: a CiliumNetworkPolicy peer without a namespace selects its own namespace"));
    }
}
