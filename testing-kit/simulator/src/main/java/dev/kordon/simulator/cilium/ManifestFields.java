package dev.kordon.simulator.cilium;

import dev.kordon.simulator.input.FieldReader;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Strict reading of a Cilium manifest's fields, where an absent list (Cilium's nil) can differ from an empty one. */
final class ManifestFields extends FieldReader {

    ManifestFields(Manifest manifest, Problems problems) {
        super(manifest, problems);
    }

    /** Records a problem for a field whose effect on the verdict the simulator does not model. */
    void unsupported(String path, String what) {
        problem(path, "is not supported by the simulator: " + what,
                "remove it to simulate the rest, knowing the verdicts then ignore it");
    }

    /** The items of a list field, or empty when it is absent (as opposed to an empty list) or not a list. */
    Optional<List<JsonNode>> listIfPresent(String path, JsonNode node) {
        List<JsonNode> items = list(path, node);
        return present(node) && node.isArray() ? Optional.of(items) : Optional.empty();
    }

    /** The strings of a list field, or empty when it is absent (as opposed to an empty list) or not a list. */
    Optional<List<String>> stringsIfPresent(String path, JsonNode node) {
        List<String> values = strings(path, node);
        return present(node) && node.isArray() ? Optional.of(values) : Optional.empty();
    }
}
