package dev.kordon.simulator.generic;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.cluster.Pod;
import java.util.Objects;
import java.util.Optional;

/**
 * One direction of a flow as the policies of a pod see it: the subject pod (the source for egress, the destination
 * for ingress) and the peer at the other end.
 *
 * @param direction the direction
 * @param subject   the pod whose policies decide
 * @param peer      the other end of the flow
 * @param flow      the flow
 */
record Traffic(Direction direction, Pod subject, Endpoint peer, Flow flow) {

    /** The layer name of every step this engine writes. */
    static final String LAYER = "generic";

    Traffic {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(flow, "flow");
    }

    /**
     * The pod at the destination, whose container ports name the ports of the flow, if the destination is one on the
     * pod network: a host-network pod has the node's ports, which no CNI resolves a named port on.
     */
    Optional<Pod> destinationPod() {
        return flow.destination() instanceof Endpoint.OfPod pod && !pod.pod().hostNetwork() ? Optional.of(pod.pod())
                : Optional.empty();
    }

    /** The protocol and port: {@code TCP/80}, or {@code ICMP type 8}. */
    String l4() {
        if (flow.transport().hasPorts()) {
            return flow.transport() + "/" + flow.port();
        }
        return flow.transport() + (flow.icmpType() >= 0 ? " type " + flow.icmpType() : "");
    }

    /** The flow as seen from the subject: {@code from y/b on TCP/80} or {@code to y/b on TCP/80}. */
    String seen() {
        return (direction == Direction.INGRESS ? "from " : "to ") + peer + " on " + l4();
    }

    /** A step of this engine in this direction. */
    Step step(String tier, String resource, int rule, String outcome, String reason) {
        return new Step(LAYER, direction.toString(), tier, resource, rule, outcome, reason);
    }
}
