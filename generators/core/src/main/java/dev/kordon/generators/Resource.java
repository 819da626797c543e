package dev.kordon.generators;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One generated Kubernetes object: its identity, the intents it enforces and its content, a fabric8 object for core
 * Kubernetes kinds or a typed record for custom resources.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind       the object's {@code kind}
 * @param namespace  its namespace, or empty for a cluster-scoped object
 * @param name       its DNS-1123 name
 * @param intents    the names of the intents it enforces, sorted
 * @param body       the object itself, serialized as the whole manifest
 */
public record Resource(String apiVersion, String kind, String namespace, String name, List<String> intents,
        Object body) {

    public Resource {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        intents = intents.stream().sorted().distinct().toList();
        Objects.requireNonNull(body, "body");
    }

    /** Whether the object is cluster-scoped. */
    public boolean isClusterScoped() {
        return namespace.isEmpty();
    }

    /** The file of this object under its target's folder: {@code <namespace or _cluster>/<kind>-<name>.yaml}. */
    public String file() {
        return (isClusterScoped() ? "_cluster" : namespace) + "/" + kind.toLowerCase(Locale.ROOT) + "-" + name + ".yaml";
    }

    /** A stable identity for sorting and collision checks: {@code apiVersion/kind/namespace/name}. */
    public String key() {
        return apiVersion + "/" + kind + "/" + namespace + "/" + name;
    }
}
