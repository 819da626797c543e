package dev.kordon.generators.istio;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Tier;
import java.util.Optional;

/**
 * What the mesh layer writes for a connection: an ALLOW policy for every application-tier allow enforced at ingress
 * (with or without HTTP, since any ALLOW policy makes its workload default deny at the mesh); a DENY or AUDIT policy
 * for an application or admin deny, or an audit of any tier, that has HTTP rules or conditions. Everything else is
 * the CNI layer's (L3/L4, egress) or refused by {@link MeshInspector}.
 */
enum MeshAction {
    ALLOW,
    DENY,
    AUDIT;

    /** The policy action the mesh writes for the connection, if any. */
    static Optional<MeshAction> of(Connection connection) {
        if (!connection.effectiveSides().contains(Direction.INGRESS)
                || connection.ports().stream().noneMatch(MeshPorts::carriesTcp)) {
            return Optional.empty(); // egress is the CNI layer's, and so is traffic the mesh does not intercept
        }
        Action action = connection.action();
        Tier tier = connection.tier();
        if (tier == Tier.APPLICATION && action == Action.ALLOW) {
            return Optional.of(ALLOW);
        }
        if (!connection.isL7()) {
            return Optional.empty();
        }
        if (action == Action.DENY && tier != Tier.BASELINE) {
            return Optional.of(DENY);
        }
        return action == Action.AUDIT ? Optional.of(AUDIT) : Optional.empty();
    }
}
