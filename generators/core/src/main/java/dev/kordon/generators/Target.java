package dev.kordon.generators;

import java.util.List;
import java.util.Objects;

/**
 * What enforces policy in a cluster, as a stack of layers: e.g. {@code kubernetes+cnp} is NetworkPolicy for
 * application intents plus ClusterNetworkPolicy for guardrails; {@code cilium+istio} is Cilium for L3/L4 plus Istio
 * for identity and HTTP. Obtain one from {@link Targets#parse(String)}.
 *
 * @param id     the target's id, as the user writes it
 * @param layers the backends that together enforce the policy set
 */
public record Target(String id, List<Layer> layers) {

    public Target {
        Objects.requireNonNull(id, "id");
        layers = List.copyOf(layers);
    }

    @Override
    public String toString() {
        return id;
    }
}
