package dev.kordon.generators.manifest;

import java.util.Objects;
import java.util.SortedMap;

/**
 * The {@code metadata} of a generated custom resource, in Kubernetes' field order. The namespace is {@code null} for a
 * cluster-scoped object, so that it is left out.
 */
public record ObjectMetadata(String name, String namespace, SortedMap<String, String> labels,
        SortedMap<String, String> annotations) {

    public ObjectMetadata {
        Objects.requireNonNull(name, "name");
        labels = Manifests.sorted(labels);
        annotations = Manifests.sorted(annotations);
    }
}
