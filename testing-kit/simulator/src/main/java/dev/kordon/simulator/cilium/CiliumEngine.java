package dev.kordon.simulator.cilium;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.engine.CniEngine;
import java.util.Optional;

/** Cilium's enforcement: egress at the source endpoint, ingress at the destination endpoint. */
final class CiliumEngine implements CniEngine {

    private final DirectionEvaluator evaluator;

    CiliumEngine(DirectionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public Decision egress(Flow flow) {
        return evaluator.decide(Direction.EGRESS, flow, Optional.empty()).decision();
    }

    @Override
    public Decision ingress(Flow flow) {
        return evaluator.decide(Direction.INGRESS, flow, Optional.empty()).decision();
    }
}
