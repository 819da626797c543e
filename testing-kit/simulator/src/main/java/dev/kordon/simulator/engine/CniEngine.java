package dev.kordon.simulator.engine;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Flow;
import java.util.Optional;

/** A CNI's decision procedure, built for one cluster and the manifests it enforces. */
public interface CniEngine {

    /** The decision at the flow's source, for its egress side ({@code NOT_ENFORCED} when the source is no pod). */
    Decision egress(Flow flow);

    /** The decision at the flow's destination, for its ingress side ({@code NOT_ENFORCED} when it is no pod). */
    Decision ingress(Flow flow);

    /**
     * What this engine allows in one direction for every probe at once, stated per rule, when its policies can be
     * stated so exactly; empty (the default) when they cannot, and then every flow is decided on its own.
     */
    default Optional<Allowances> allowances(MatrixProbes probes, Allowances.Direction direction) {
        return Optional.empty();
    }
}
