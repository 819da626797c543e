package dev.kordon.dsl;

import java.util.Objects;

/** A container port by name, resolved on the destination pod: {@code tcp("http")}. */
public record NamedPort(Protocol protocol, String name) implements PortMatch {

    public NamedPort {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean isTcpOnly() {
        return protocol == Protocol.TCP;
    }

    @Override
    public boolean mayOverlap(PortMatch other) {
        return PortMatches.mayOverlap(protocol, 1, 65535, other);
    }

    @Override
    public String toString() {
        return protocol + "/" + Canonical.quote(name);
    }
}
