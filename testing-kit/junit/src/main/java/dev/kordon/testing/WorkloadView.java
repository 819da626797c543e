package dev.kordon.testing;

import dev.kordon.simulator.Endpoint;
import java.util.List;
import java.util.Objects;

/**
 * One workload under one target, for assertions about everything to and from it:
 * {@code assertThat(net.workload(DATABASE)).isIsolated()}.
 */
public final class WorkloadView {

    private final Reachability reachability;
    private final Endpoints endpoints;

    WorkloadView(Reachability reachability, Endpoints endpoints) {
        this.reachability = Objects.requireNonNull(reachability, "reachability");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /** The reachability the workload is looked at under. */
    public Reachability reachability() {
        return reachability;
    }

    Endpoints endpoints() {
        return endpoints;
    }

    /** The workload's pods in the cluster (at least one). */
    List<Endpoint> pods() {
        return new Resolver(reachability.cluster()).endpoints(endpoints);
    }

    @Override
    public String toString() {
        return endpoints + " on " + reachability.described();
    }
}
