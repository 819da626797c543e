package dev.kordon.simulator.engine;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Flow;

/** A CNI's decision procedure, built for one cluster and the manifests it enforces. */
public interface CniEngine {

    /** The decision at the flow's source, for its egress side ({@code NOT_ENFORCED} when the source is no pod). */
    Decision egress(Flow flow);

    /** The decision at the flow's destination, for its ingress side ({@code NOT_ENFORCED} when it is no pod). */
    Decision ingress(Flow flow);
}
