package dev.kordon.simulator.istio;

import dev.kordon.simulator.input.FieldReader;
import dev.kordon.simulator.input.Fields;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Strict reading of an Istio manifest's fields: every wrong type and unknown field is a problem with its path. */
final class Yaml extends FieldReader {

    Yaml(Manifest manifest, Problems problems) {
        super(manifest, problems);
    }

    /** The namespace of the object; {@code default} when the manifest gives none, as {@code kubectl apply} does. */
    String namespace() {
        return manifest().namespace().isEmpty() ? "default" : manifest().namespace();
    }

    /** How messages name the object. */
    String resource() {
        return manifest().kind() + " " + namespace() + "/" + manifest().name();
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
        if (!isMap(path, node)) {
            return false;
        }
        known(path, node, Set.of(fields));
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
