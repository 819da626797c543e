package dev.kordon.simulator.istio;

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

/** Strict reading of one manifest's fields: every wrong type and unknown field is a problem with its path. */
final class Yaml {

    private final Manifest manifest;
    private final Problems problems;

    Yaml(Manifest manifest, Problems problems) {
        this.manifest = manifest;
        this.problems = problems;
    }

    Manifest manifest() {
        return manifest;
    }

    /** The namespace of the object; {@code default} when the manifest gives none, as {@code kubectl apply} does. */
    String namespace() {
        return manifest.namespace().isEmpty() ? "default" : manifest.namespace();
    }

    /** How messages name the object. */
    String resource() {
        return manifest.kind() + " " + namespace() + "/" + manifest.name();
    }

    void problem(String field, String message, String hint) {
        problems.add(manifest, field, message, hint);
    }

    /** Whether the field is given (neither missing nor null). */
    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** {@code path.field}. */
    static String at(String path, String field) {
        return Fields.join(path, field);
    }

    /** {@code path[index]}. */
    static String at(String path, int index) {
        return path + "[" + index + "]";
    }

    /** Whether a given node is a map, reporting it when not, and every field of it not in {@code fields}. */
    boolean map(String path, JsonNode node, String... fields) {
        if (!present(node)) {
            return false;
        }
        if (!node.isObject()) {
            problem(path, "is not a map", "write it as a YAML map");
            return false;
        }
        Fields.known(manifest, path, node, Set.of(fields), problems);
        return true;
    }

    /** Whether a list element is a map with only known fields, reporting a null or non-map element. */
    boolean element(String path, JsonNode node, String... fields) {
        if (!present(node)) {
            problem(path, "is null", "write a map, or remove the element");
            return false;
        }
        return map(path, node, fields);
    }

    /** Whether a given node is a map whose keys are data (ports, names), reporting it when not a map. */
    boolean keyedMap(String path, JsonNode node) {
        if (!present(node)) {
            return false;
        }
        if (!node.isObject()) {
            problem(path, "is not a map", "write it as a YAML map");
            return false;
        }
        return true;
    }

    /** The elements of a list field (none when absent), reporting a field that is not a list. */
    List<JsonNode> list(String path, JsonNode node) {
        return Fields.list(manifest, path, node, problems);
    }

    /** The strings of a list of strings, reporting every element that is not a string. */
    List<String> strings(String path, JsonNode node) {
        List<String> strings = new ArrayList<>();
        List<JsonNode> items = list(path, node);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item.isString()) {
                strings.add(item.stringValue());
            } else {
                problem(at(path, i), "is not a string: " + item, "quote it, e.g. \"" + item.asString("") + "\"");
            }
        }
        return strings;
    }

    /** A string field, if given, reporting one that is not a string. */
    Optional<String> string(String path, JsonNode node) {
        if (!present(node)) {
            return Optional.empty();
        }
        if (!node.isString()) {
            problem(path, "is not a string: " + node, "quote it");
            return Optional.empty();
        }
        return Optional.of(node.stringValue());
    }

    /** A boolean field, if given, reporting one that is not true or false. */
    Optional<Boolean> bool(String path, JsonNode node) {
        if (!present(node)) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            problem(path, "is not true or false: " + node, "write true or false");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** A map of strings to strings (labels), reporting values that are not strings. */
    SortedMap<String, String> stringMap(String path, JsonNode node) {
        SortedMap<String, String> map = new TreeMap<>();
        if (!present(node)) {
            return map;
        }
        if (!node.isObject()) {
            problem(path, "is not a map", "write it as a YAML map of strings");
            return map;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getValue().isString()) {
                map.put(entry.getKey(), entry.getValue().stringValue());
            } else {
                problem(at(path, entry.getKey()), "is not a string: " + entry.getValue(), "quote it");
            }
        }
        return map;
    }

    /** The {@code matchLabels} of an Istio workload selector: no empty keys and no wildcards. */
    SortedMap<String, String> workloadSelector(String path, JsonNode node) {
        if (!map(path, node, "matchLabels")) {
            return new TreeMap<>();
        }
        SortedMap<String, String> labels = stringMap(at(path, "matchLabels"), node.path("matchLabels"));
        labels.forEach((key, value) -> {
            if (key.isEmpty()) {
                problem(at(path, "matchLabels"), "has an empty label key", "give every label a key");
            }
            if (key.contains("*") || value.contains("*")) {
                problem(at(at(path, "matchLabels"), key), "wildcard is not supported in selector: " + key + "="
                        + value, "select workloads by exact label values");
            }
        });
        return labels;
    }
}
