package dev.kordon.simulator.engine;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Set;

/**
 * Builds one backend's engine: parses (strictly) the manifests of the kinds it reads, reporting every problem with
 * its file, object and field, and returns an engine of type {@code E}.
 */
public interface EngineFactory<E> {

    /** The {@code apiVersion/kind}s this engine reads. */
    Set<String> types();

    /** The engine for these manifests (all of {@link #types()}); every input problem goes to {@code problems}. */
    E create(Cluster cluster, List<Manifest> manifests, EnforcementProfile profile, Problems problems);
}
