package dev.kordon.generators.cilium;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Tier;
import dev.kordon.generators.Backend;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Cilium {@code cilium.io/v2}: CiliumNetworkPolicy for application intents of named namespaces,
 * CiliumClusterwideNetworkPolicy for guardrails and for pods of labelled or all namespaces. One policy per intent,
 * side and subject; allows isolate their side, denies and isolations say so explicitly (backends.md §4).
 *
 * <p>Cilium has no tiers: a deny beats every allow. That is exact for application denies and admin denies; admin
 * allows and passes and baseline denies, which need an order Cilium does not have, are refused; baseline allows and
 * passes change nothing and are written as nothing.
 */
public final class CiliumBackend implements Backend {

    @Override
    public String id() {
        return "cilium";
    }

    @Override
    public Capabilities capabilities(Role role) {
        return CiliumCapabilities.of(role);
    }

    @Override
    public List<Finding> inspect(PolicySet set, Intent intent, Role role, GeneratorOptions options) {
        return CiliumFindings.of(set, intent, role);
    }

    @Override
    public List<Resource> render(RenderRequest request) {
        PolicyWriter writer = new PolicyWriter(request.set(), request.role());
        List<Resource> resources = new ArrayList<>();
        for (Intent intent : request.intents()) {
            if (intent instanceof Isolation) {
                resources.addAll(writer.isolation((Isolation) intent));
            } else {
                resources.addAll(connection(writer, (Connection) intent, request.role()));
            }
        }
        return resources;
    }

    private static List<Resource> connection(PolicyWriter writer, Connection connection, Role role) {
        if (writesNothing(connection, role)) {
            return List.of();
        }
        if (!isWritable(connection)) {
            throw new IllegalStateException("the fidelity check should have refused " + connection.tier() + " "
                    + connection.action() + (connection.isL7() ? " with HTTP rules or conditions" : "") + ": "
                    + connection);
        }
        List<Resource> resources = new ArrayList<>();
        for (Direction side : connection.effectiveSides()) {
            resources.addAll(connection.action() == Action.DENY ? writer.deny(connection, side)
                    : writer.allow(connection, side));
        }
        return resources;
    }

    /** Whether Cilium's untiered allows and denies can say it: an application allow, or an L3/L4 non-baseline deny. */
    private static boolean isWritable(Connection connection) {
        return connection.action() == Action.ALLOW && connection.tier() == Tier.APPLICATION
                || connection.action() == Action.DENY && connection.tier() != Tier.BASELINE && !connection.isL7();
    }

    /**
     * Whether the connection needs no Cilium policy: an audit (which accepted not being recorded), a baseline allow
     * or pass (which change no verdict, see {@link CiliumCapabilities}), or under a mesh a deny of HTTP requests
     * (which the mesh enforces; a Cilium deny would take the whole port).
     */
    private static boolean writesNothing(Connection connection, Role role) {
        return connection.action() == Action.AUDIT
                || connection.tier() == Tier.BASELINE && connection.action() != Action.DENY
                || connection.action() == Action.DENY && connection.isL7() && role == Role.TRANSPORT;
    }
}
