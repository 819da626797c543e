package dev.kordon.simulator.cluster;

import java.util.Objects;

/** A port a pod's container listens on; {@code name} is empty when the port has none. */
public record ContainerPort(String name, int port, String protocol) {

    public ContainerPort {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
    }
}
