package dev.kordon.simulator.calico.parse;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.calico.selector.Selector;
import dev.kordon.simulator.calico.selector.SelectorSyntaxException;
import dev.kordon.simulator.input.Fields;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Strict, problem-collecting access to the fields of one manifest. */
final class ManifestFields {

    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations", "uid",
            "resourceVersion", "creationTimestamp", "generation", "generateName", "managedFields", "ownerReferences",
            "finalizers", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink");

    private final Manifest manifest;
    private final Problems problems;

    ManifestFields(Manifest manifest, Problems problems) {
        this.manifest = manifest;
        this.problems = problems;
    }

    Manifest manifest() {
        return manifest;
    }

    /** Checks the top level ({@code apiVersion, kind, metadata, spec} and the extra ones) and the metadata. */
    JsonNode spec(String... extraTopLevel) {
        Set<String> top = new java.util.TreeSet<>(Set.of("apiVersion", "kind", "metadata", "spec"));
        top.addAll(List.of(extraTopLevel));
        known("", manifest.body(), top);
        known("metadata", manifest.body().path("metadata"), METADATA);
        return manifest.body().path("spec");
    }

    /** Reports a present node that is not a map, and every field of a map that is not in {@code fields}. */
    void known(String path, JsonNode node, Set<String> fields) {
        if (!absent(node) && !node.isObject()) {
            problem(path, "is not a map: " + node, "write it as a YAML map with the fields "
                    + String.join(", ", new java.util.TreeSet<>(fields)));
            return;
        }
        Fields.known(manifest, path, node, fields, problems);
    }

    void problem(String path, String message, String hint) {
        problems.add(manifest, path, message, hint);
    }

    List<JsonNode> list(String path, JsonNode node) {
        return Fields.list(manifest, path, node, problems);
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** A string field; a present field of another type is a problem. */
    Optional<String> string(String path, JsonNode node) {
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isString()) {
            problem(path, "is not a string: " + node, "write it as a (quoted) string");
            return Optional.empty();
        }
        return Optional.of(node.asString());
    }

    /** A list of strings. */
    List<String> strings(String path, JsonNode node) {
        List<String> values = new ArrayList<>();
        List<JsonNode> items = list(path, node);
        for (int i = 0; i < items.size(); i++) {
            string(path + "[" + i + "]", items.get(i)).ifPresent(values::add);
        }
        return values;
    }

    /** A number field. */
    Optional<Double> number(String path, JsonNode node) {
        if (absent(node)) {
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
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            problem(path, "is not an integer in " + min + ".." + max + ": " + node, "write an integer in "
                    + min + ".." + max);
            return Optional.empty();
        }
        return Optional.of(node.asInt());
    }

    /** A boolean field, false when absent. */
    boolean bool(String path, JsonNode node) {
        if (absent(node)) {
            return false;
        }
        if (!node.isBoolean()) {
            problem(path, "is not true or false: " + node, "write true or false");
            return false;
        }
        return node.asBoolean();
    }

    /** A Kubernetes label selector ({@code matchLabels}, {@code matchExpressions}). */
    LabelSelector labelSelector(String path, JsonNode node) {
        if (!node.isObject()) {
            problem(path, "is not a label selector (a map)", "write matchLabels and/or matchExpressions, or {}");
            return LabelSelector.matchingAll();
        }
        JsonNode matchLabels = node.get("matchLabels");
        if (!absent(matchLabels) && !matchLabels.isObject()) {
            problem(path + ".matchLabels", "is not a map of labels: " + matchLabels, "write key: value pairs");
        }
        return Fields.labelSelector(manifest, path, node, problems);
    }

    /** A map of string labels. */
    SortedMap<String, String> labels(String path, JsonNode node) {
        SortedMap<String, String> labels = new TreeMap<>();
        if (absent(node)) {
            return labels;
        }
        if (!node.isObject()) {
            problem(path, "is not a map of labels", "write it as key: value pairs");
            return labels;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            string(path + "." + entry.getKey(), entry.getValue()).ifPresent(value -> labels.put(entry.getKey(),
                    value));
        }
        return labels;
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
