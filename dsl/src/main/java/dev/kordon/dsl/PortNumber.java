package dev.kordon.dsl;

import java.util.Objects;

/** One port of one protocol: {@code tcp(8080)}. */
public record PortNumber(Protocol protocol, int port) implements PortMatch {

    public PortNumber {
        Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public boolean isTcpOnly() {
        return protocol == Protocol.TCP;
    }

    @Override
    public boolean mayOverlap(PortMatch other) {
        return PortMatches.mayOverlap(protocol, port, port, other);
    }

    @Override
    public String toString() {
        return protocol + "/" + port;
    }
}
