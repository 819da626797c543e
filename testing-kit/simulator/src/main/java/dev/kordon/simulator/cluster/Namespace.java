package dev.kordon.simulator.cluster;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A namespace and its labels (including {@code kubernetes.io/metadata.name}, as the API server adds it). */
public record Namespace(String name, SortedMap<String, String> labels) {

    public Namespace {
        Objects.requireNonNull(name, "name");
        labels = new TreeMap<>(labels);
    }
}
