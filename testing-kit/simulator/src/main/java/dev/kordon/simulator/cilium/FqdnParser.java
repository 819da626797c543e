package dev.kordon.simulator.cilium;

import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads {@code matchName}/{@code matchPattern} items of {@code toFQDNs} and DNS rules [CIL-API] {@code fqdn.go}. */
final class FqdnParser {

    private final ManifestFields fields;

    FqdnParser(ManifestFields fields) {
        this.fields = fields;
    }

    /** One item with exactly one of {@code matchName} and {@code matchPattern}. */
    Optional<FqdnMatcher> matcher(String path, JsonNode node) {
        fields.known(path, node, Set.of("matchName", "matchPattern"));
        Optional<String> name = fields.string(path + ".matchName", node.path("matchName"))
                .filter(text -> !text.isEmpty());
        Optional<String> pattern = fields.string(path + ".matchPattern", node.path("matchPattern"))
                .filter(text -> !text.isEmpty());
        if (name.isPresent() == pattern.isPresent()) {
            fields.problem(path, name.isPresent() ? "has both matchName and matchPattern"
                    : "has neither matchName nor matchPattern", "give exactly one of them");
            return Optional.empty();
        }
        String text = name.orElseGet(pattern::get);
        String allowed = name.isPresent() ? "[-a-zA-Z0-9_.]+" : "[-a-zA-Z0-9_.*]+";
        if (text.trim().length() > 255 || !text.trim().matches(allowed)) {
            fields.problem(path + (name.isPresent() ? ".matchName" : ".matchPattern"), "is not a valid DNS "
                    + (name.isPresent() ? "name" : "pattern") + ": " + text, "use letters, digits, '-', '_', '.'"
                    + (name.isPresent() ? "" : " and '*'") + ", at most 255 characters");
            return Optional.empty();
        }
        return Optional.of(new FqdnMatcher(path, pattern.isPresent(), text));
    }
}
