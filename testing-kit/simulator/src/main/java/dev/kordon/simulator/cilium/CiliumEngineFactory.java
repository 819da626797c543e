package dev.kordon.simulator.cilium;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.engine.CniEngine;
import dev.kordon.simulator.engine.EngineFactory;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Set;

/** The cilium engine. Not implemented yet: it refuses to build, so no flow is decided by guesswork. */
public final class CiliumEngineFactory implements EngineFactory<CniEngine> {

    @Override
    public Set<String> types() {
        return Set.of();
    }

    @Override
    public CniEngine create(Cluster cluster, List<Manifest> manifests, EnforcementProfile profile, Problems problems) {
        problems.add("", "", "", "the cilium engine of the simulator is not implemented yet", "use another profile");
        return null;
    }
}
