package dev.kordon.simulator.analysis;

import dev.kordon.simulator.Endpoint;
import java.util.Objects;

/**
 * One end of a connectivity line: a workload (its pods folded into their owner, probed through a representative
 * pod) or an interval of external IPv4 addresses (probed through its first address).
 *
 * @param name  {@code namespace/name} of the workload, or {@code a.b.c.d-e.f.g.h} of the interval
 * @param kind  the owner's kind ({@code Deployment}, {@code Pod}, …) or {@code External}
 * @param probe the endpoint flows are simulated from or to
 */
public record Peer(String name, String kind, Endpoint probe) {

    public Peer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(probe, "probe");
    }

    /** Whether this is an interval of external addresses. */
    public boolean isExternal() {
        return probe instanceof Endpoint.External;
    }

    /** netpol-analyzer's label: {@code ns/name[Kind]} or {@code a.b.c.d-e.f.g.h[External]}. */
    @Override
    public String toString() {
        return name + "[" + kind + "]";
    }
}
