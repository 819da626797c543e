package dev.kordon.simulator.cilium;

import dev.kordon.simulator.input.Fields;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Strict, typed reading of one manifest's fields: every unknown field and wrong type becomes a problem with the
 * field's path; a {@code null} value reads as absent, as the API server treats it.
 */
final class ManifestFields {

    private final Manifest manifest;
    private final Problems problems;

    ManifestFields(Manifest manifest, Problems problems) {
        this.manifest = manifest;
        this.problems = problems;
    }

    Manifest manifest() {
        return manifest;
    }

    Problems problems() {
        return problems;
    }

    /** Records a problem about a field. */
    void problem(String path, String message, String hint) {
        problems.add(manifest, path, message, hint);
    }

    /** Records a problem for a field whose effect on the verdict the simulator does not model. */
    void unsupported(String path, String what) {
        problem(path, "is not supported by the simulator: " + what,
                "remove it to simulate the rest, knowing the verdicts then ignore it");
    }

    /** Reports every field of the object that is not one of the names. */
    void known(String path, JsonNode node, Set<String> names) {
        Fields.known(manifest, path, node, names, problems);
    }

    /** Whether the field is present (and not null). */
    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** Whether the field is an object; a present non-object is a problem. */
    boolean object(String path, JsonNode node) {
        if (!present(node)) {
            return false;
        }
        if (!node.isObject()) {
            problem(path, "is not a map", "write it as a YAML map");
            return false;
        }
        return true;
    }

    /** The items of a list field, or empty when absent (Cilium's nil); a present non-list is a problem. */
    Optional<List<JsonNode>> list(String path, JsonNode node) {
        if (!present(node)) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            problem(path, "is not a list", "write it as a YAML list");
            return Optional.empty();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return Optional.of(items);
    }

    /** A string field, or empty when absent; a present non-string is a problem. */
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

    /** A boolean field, or empty when absent; a present non-boolean is a problem. */
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

    /** The strings of a list field (absent: empty Optional); non-string items are problems and left out. */
    Optional<List<String>> strings(String path, JsonNode node) {
        return list(path, node).map(items -> {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                string(path + "[" + i + "]", items.get(i)).ifPresent(values::add);
            }
            return values;
        });
    }
}
