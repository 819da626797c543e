package dev.kordon.dsl;

import java.util.Objects;

/** Every port of one protocol: {@code allTcpPorts()}. */
public record AllPorts(Protocol protocol) implements PortMatch {

    public AllPorts {
        Objects.requireNonNull(protocol, "protocol");
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
        return protocol + "/*";
    }
}
