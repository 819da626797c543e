package dev.kordon.simulator.calico.parse;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.calico.selector.Selector;
import dev.kordon.simulator.calico.selector.SelectorSyntaxException;
import dev.kordon.simulator.input.FieldReader;
import dev.kordon.simulator.input.Fields;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Strict, problem-collecting access to the fields of one Calico manifest. */
final class ManifestFields extends FieldReader {

    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations", "uid",
            "resourceVersion", "creationTimestamp", "generation", "generateName", "managedFields", "ownerReferences",
            "finalizers", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink");

    ManifestFields(Manifest manifest, Problems problems) {
        super(manifest, problems);
    }

    /** Checks the top level ({@code apiVersion, kind, metadata, spec} and the extra ones) and the metadata. */
    JsonNode spec(String... extraTopLevel) {
        Set<String> top = new java.util.TreeSet<>(Set.of("apiVersion", "kind", "metadata", "spec"));
        top.addAll(List.of(extraTopLevel));
        known("", manifest().body(), top);
        known("metadata", manifest().body().path("metadata"), METADATA);
        return manifest().body().path("spec");
    }

    /** Reports a present node that is not a map, and every field of a map that is not in {@code fields}. */
    @Override
    public void known(String path, JsonNode node, Set<String> fields) {
        if (present(node) && !node.isObject()) {
            problem(path, "is not a map: " + node, "write it as a YAML map with the fields "
                    + String.join(", ", new java.util.TreeSet<>(fields)));
            return;
        }
        super.known(path, node, fields);
    }

    /** A number field. */
    Optional<Double> number(String path, JsonNode node) {
        if (!present(node)) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            problem(path, "is not a number: " + node, "write it as a number, e.g. 100");
            return Optional.empty();
        }
        return Optional.of(node.asDouble());
    }

    /** An integer field within bounds. */
    Optional<Integer> integer(String path, JsonNode node, int min, int max) {
        if (!present(node)) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            problem(path, "is not an integer in " + min + ".." + max + ": " + node, "write an integer in "
                    + min + ".." + max);
            return Optional.empty();
        }
        return Optional.of(node.asInt());
    }

    /** A Kubernetes label selector ({@code matchLabels}, {@code matchExpressions}). */
    LabelSelector labelSelector(String path, JsonNode node) {
        if (!node.isObject()) {
            problem(path, "is not a label selector (a map)", "write matchLabels and/or matchExpressions, or {}");
            return LabelSelector.matchingAll();
        }
        JsonNode matchLabels = node.get("matchLabels");
        if (!!present(matchLabels) && !matchLabels.isObject()) {
            problem(path + ".matchLabels", "is not a map of labels: " + matchLabels, "write key: value pairs");
        }
        return Fields.labelSelector(manifest(), path, node, problems());
    }

    /** A Calico selector string; a syntax error is a problem. {@code global()} only where allowed. */
    Optional<Selector> selector(String path, JsonNode node, boolean globalAllowed) {
        Optional<String> text = string(path, node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Selector selector = Selector.parse(text.get());
            if (selector.mentionsGlobal() && !globalAllowed) {
                problem(path, "uses global(), which Calico allows only in a rule's namespaceSelector: '"
                        + text.get() + "'", "select non-namespaced resources with namespaceSelector: global()");
                return Optional.empty();
            }
            return Optional.of(selector);
        } catch (SelectorSyntaxException e) {
            problem(path, e.getMessage(), "write a Calico selector, e.g. app == 'web' && has(tier)");
            return Optional.empty();
        }
    }

    /** A CIDR, or a single address (as Calico's ParseCIDROrIP reads it). */
    Optional<Cidr> cidrOrIp(String path, String text) {
        String notation = text.contains("/") ? text : text + (text.contains(":") ? "/128" : "/32");
        Cidr cidr = Cidr.of(notation);
        if (cidr.prefixLength().isEmpty()) {
            problem(path, "is not a CIDR or IP address: '" + text + "'", "write e.g. 10.0.0.0/16 or 10.0.0.1");
            return Optional.empty();
        }
        return Optional.of(cidr);
    }
}
