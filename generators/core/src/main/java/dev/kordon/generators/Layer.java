package dev.kordon.generators;

import java.util.Objects;

/**
 * One backend of a target, the intents it is given and the part it plays.
 *
 * @param backend the backend
 * @param scope   which intents it enforces
 * @param role    whether it enforces them completely, as the transport under a mesh, or as the mesh
 */
public record Layer(Backend backend, Scope scope, Role role) {

    public Layer {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(role, "role");
    }
}
