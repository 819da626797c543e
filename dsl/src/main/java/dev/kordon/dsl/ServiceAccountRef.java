package dev.kordon.dsl;

import java.util.Objects;

/**
 * The pods that run as a Kubernetes service account: the workload identity behind mTLS principals.
 *
 * <p>{@code serviceAccount("shop", "frontend")} or {@code serviceAccount(FRONTEND)}.
 */
public record ServiceAccountRef(String namespace, String name) implements Peer {

    public ServiceAccountRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean isPods() {
        return true;
    }

    @Override
    public String shortName() {
        return "sa-" + name;
    }

    @Override
    public String toString() {
        return "sa(" + Canonical.quote(namespace) + "/" + Canonical.quote(name) + ")";
    }
}
