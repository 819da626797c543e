package dev.kordon.simulator.input;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One Kubernetes object read from an input file, before any backend interprets it.
 *
 * @param file       the file it came from, as given
 * @param document   its position in the file (1 for the first document or list item)
 * @param apiVersion its {@code apiVersion}
 * @param kind       its {@code kind}
 * @param namespace  its namespace, or empty
 * @param name       its name
 * @param body       the whole object
 */
public record Manifest(String file, int document, String apiVersion, String kind, String namespace, String name,
        JsonNode body) {

    public Manifest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
    }

    /** {@code apiVersion/kind}, the key backends register for. */
    public String type() {
        return apiVersion + "/" + kind;
    }

    /** How messages name the object: {@code NetworkPolicy x/allow-web}. */
    public String describe() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }

    /** The group of the {@code apiVersion} (empty for the core group). */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
