package dev.kordon.generators;

import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import java.util.List;
import java.util.Objects;

/**
 * What a backend renders: the intents its layer is given, the role it plays and the options of the run.
 *
 * @param set     the whole (valid) policy set, for workloads and context
 * @param intents the intents of the set that this layer enforces, sorted by name
 * @param role    the part the backend plays in the target
 * @param target  the target's id, for messages
 * @param options cluster facts and choices that the manifests depend on
 */
public record RenderRequest(PolicySet set, List<Intent> intents, Role role, String target, GeneratorOptions options) {

    public RenderRequest {
        Objects.requireNonNull(set, "set");
        intents = List.copyOf(intents);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
    }
}
