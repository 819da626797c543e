package dev.kordon.simulator.engine;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Flow;

/** A service mesh's decision procedure at the destination's proxy, built for one cluster and its manifests. */
public interface MeshEngine {

    /** The decision at the flow's destination ({@code NOT_ENFORCED} when it has no proxy or no policy applies). */
    Decision authorize(Flow flow);
}
