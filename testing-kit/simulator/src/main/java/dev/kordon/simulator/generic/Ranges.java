package dev.kordon.simulator.generic;

import dev.kordon.simulator.Transport;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the {@code {start, end}} port ranges of ClusterNetworkPolicy and AdminNetworkPolicy (start below end). */
final class Ranges {

    private Ranges() {
    }

    /** The range at {@code path}; {@code extra} are further fields the map may hold (e.g. {@code protocol}). */
    static Optional<PortMatch> read(ManifestFields fields, String path, JsonNode node, Transport protocol,
            String... extra) {
        if (!fields.map(path, node)) {
            return Optional.empty();
        }
        Set<String> known = new HashSet<>(Set.of("start", "end"));
        known.addAll(Set.of(extra));
        fields.known(path, node, known);
        fields.required(path + ".start", node.path("start"));
        fields.required(path + ".end", node.path("end"));
        Optional<Integer> start = fields.integer(path + ".start", node.path("start"), PortMatch.FIRST, PortMatch.LAST);
        Optional<Integer> end = fields.integer(path + ".end", node.path("end"), PortMatch.FIRST, PortMatch.LAST);
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        if (start.get() >= end.get()) {
            fields.problem(path, "is not a range: start " + start.get() + " is not below end " + end.get(),
                    "write start < end; for a single port, use a port number");
            return Optional.empty();
        }
        return Optional.of(new PortMatch.Numbers(protocol, start.get(), end.get()));
    }
}
