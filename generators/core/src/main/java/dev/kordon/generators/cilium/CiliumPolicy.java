package dev.kordon.generators.cilium;

import dev.kordon.generators.manifest.ObjectMetadata;
import java.util.Objects;

/**
 * A {@code cilium.io/v2} CiliumNetworkPolicy (namespaced) or CiliumClusterwideNetworkPolicy (cluster-scoped), in
 * Kubernetes' field order.
 *
 * @param apiVersion always {@value #API_VERSION}
 * @param kind       {@value #NAMESPACED} or {@value #CLUSTERWIDE}
 * @param metadata   name, namespace (absent when cluster-wide), labels and annotations
 * @param spec       the single rule of the policy
 */
public record CiliumPolicy(String apiVersion, String kind, ObjectMetadata metadata, PolicySpec spec) {

    /** The API group and version of both kinds. */
    public static final String API_VERSION = "cilium.io/v2";
    /** The namespaced kind: its subjects and same-namespace peers are confined to its namespace. */
    public static final String NAMESPACED = "CiliumNetworkPolicy";
    /** The cluster-scoped kind. */
    public static final String CLUSTERWIDE = "CiliumClusterwideNetworkPolicy";

    public CiliumPolicy {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }

    /** A policy of the kind that its metadata calls for: namespaced when it has a namespace. */
    static CiliumPolicy of(ObjectMetadata metadata, PolicySpec spec) {
        return new CiliumPolicy(API_VERSION, metadata.namespace() == null ? CLUSTERWIDE : NAMESPACED, metadata, spec);
    }
}
