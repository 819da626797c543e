package dev.kordon.dsl;

import java.util.Objects;

/** An inclusive range of ports of one protocol: {@code tcpRange(8000, 8100)}. */
public record PortRange(Protocol protocol, int from, int to) implements PortMatch {

    public PortRange {
        Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public boolean isTcpOnly() {
        return protocol == Protocol.TCP;
    }

    @Override
    public boolean mayOverlap(PortMatch other) {
        return PortMatches.mayOverlap(protocol, from, to, other);
    }

    @Override
    public String toString() {
        return protocol + "/" + from + "-" + to;
    }
}
