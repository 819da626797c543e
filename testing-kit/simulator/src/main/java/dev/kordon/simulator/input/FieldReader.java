package dev.kordon.simulator.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Strict, typed reading of one manifest's fields, collecting problems: every wrong type and unknown field becomes a
 * problem with the field's path, and a {@code null} value reads as absent, as the API server treats it. The engines'
 * readers extend it with what their family adds (Calico selectors, Istio workload selectors, …).
 */
public class FieldReader {

    private final Manifest manifest;
    private final Problems problems;

    public FieldReader(Manifest manifest, Problems problems) {
        this.manifest = manifest;
        this.problems = problems;
    }

    public Manifest manifest() {
        return manifest;
    }

    public Problems problems() {
        return problems;
    }

    /** Records a problem about a field. */
    public void problem(String path, String message, String hint) {
        problems.add(manifest, path, message, hint);
    }

    /** Whether the field is given (neither missing nor null). */
    public static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** Reports every field of a map that is not one of the names (nothing for a node that is not a map). */
    public void known(String path, JsonNode node, Set<String> names) {
        Fields.known(manifest, path, node, names, problems);
    }

    /** Whether the field is a map; a present field of another type is a problem. */
    public boolean isMap(String path, JsonNode node) {
        if (!present(node)) {
            return false;
        }
        if (!node.isObject()) {
            problem(path, "is not a map", "write it as a YAML map");
            return false;
        }
        return true;
    }

    /** The items of a list field, none when absent; a present field of another type is a problem. */
    public List<JsonNode> list(String path, JsonNode node) {
        return Fields.list(manifest, path, node, problems);
    }

    /** A string field, or empty when absent; a present field of another type is a problem. */
    public Optional<String> string(String path, JsonNode node) {
        if (!present(node)) {
            return Optional.empty();
        }
        if (!node.isString()) {
            problem(path, "is not a string: " + node, node.isValueNode() ? "quote it, e.g. \"" + node.asString("")
                    + "\"" : "write it as a (quoted) string");
            return Optional.empty();
        }
        return Optional.of(node.stringValue());
    }

    /** The strings of a list field, none when absent; items that are not strings are problems and left out. */
    public List<String> strings(String path, JsonNode node) {
        List<String> values = new ArrayList<>();
        List<JsonNode> items = list(path, node);
        for (int i = 0; i < items.size(); i++) {
            string(path + "[" + i + "]", items.get(i)).ifPresent(values::add);
        }
        return values;
    }

    /** A boolean field, or empty when absent; a present field of another type is a problem. */
    public Optional<Boolean> bool(String path, JsonNode node) {
        if (!present(node)) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            problem(path, "is not true or false: " + node, "write true or false");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** A map of strings to strings (labels), empty when absent; values that are not strings are problems. */
    public SortedMap<String, String> stringMap(String path, JsonNode node) {
        SortedMap<String, String> map = new TreeMap<>();
        if (!present(node)) {
            return map;
        }
        if (!node.isObject()) {
            problem(path, "is not a map", "write it as a YAML map of strings");
            return map;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            string(Fields.join(path, entry.getKey()), entry.getValue()).ifPresent(value -> map.put(entry.getKey(),
                    value));
        }
        return map;
    }
}
