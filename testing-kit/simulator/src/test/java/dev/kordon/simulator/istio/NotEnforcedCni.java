package dev.kordon.simulator.istio;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.engine.CniEngine;
import java.util.List;

/** A CNI that enforces nothing, to run the istio engine alone (the mesh cases hold no NetworkPolicies). */
final class NotEnforcedCni implements CniEngine {

    @Override
    public Decision egress(Flow flow) {
        return notEnforced("egress");
    }

    @Override
    public Decision ingress(Flow flow) {
        return notEnforced("ingress");
    }

    private static Decision notEnforced(String direction) {
        return new Decision(Decision.Outcome.NOT_ENFORCED,
                List.of(new Step("cni", direction, "", "", -1, "not enforced", "test double: no NetworkPolicy")));
    }
}
