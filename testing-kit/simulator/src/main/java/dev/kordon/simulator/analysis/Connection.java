package dev.kordon.simulator.analysis;

import java.util.Objects;

/** One line of a connectivity list: what {@code source} may open to {@code destination}. */
public record Connection(Peer source, Peer destination, ConnectionSet allowed) {

    public Connection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(allowed, "allowed");
    }

    /** netpol-analyzer's text line: {@code src => dst : connections}. */
    @Override
    public String toString() {
        return source + " => " + destination + " : " + allowed;
    }
}
