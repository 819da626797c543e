package dev.kordon.generators;

import java.util.Objects;

/**
 * Cluster facts and choices that generated manifests depend on. The defaults are those of a stock installation.
 *
 * @param trustDomain        the mesh trust domain in workload principals ({@code cluster.local})
 * @param meshRootNamespace  the Istio root namespace, where mesh-wide policies live ({@code istio-system})
 * @param calicoTier         the Calico tier that application intents go to ({@code kordon})
 * @param calicoTierOrder    that tier's order: after the admin tier (1000), before {@code default} (1000000)
 */
public record GeneratorOptions(String trustDomain, String meshRootNamespace, String calicoTier, double calicoTierOrder) {

    private static final GeneratorOptions DEFAULTS = new GeneratorOptions("cluster.local", "istio-system", "kordon",
            100_000);

    public GeneratorOptions {
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(meshRootNamespace, "meshRootNamespace");
        Objects.requireNonNull(calicoTier, "calicoTier");
    }

    /** The defaults of a stock installation. */
    public static GeneratorOptions defaults() {
        return DEFAULTS;
    }
}
