package dev.kordon.simulator.cilium;

import dev.kordon.simulator.Flow;
import dev.kordon.simulator.cluster.Pod;
import java.util.Objects;
import java.util.Optional;

/**
 * A flow as one enforcing endpoint sees it.
 *
 * @param flow        the flow
 * @param direction   the side the endpoint enforces
 * @param local       the enforcing pod
 * @param remote      the identity of the other end, as seen from the local pod's node
 * @param destination the destination pod that named ports resolve on, if the destination is a Cilium endpoint
 * @param dnsQuery    the name a DNS request on this flow asks for, when known
 */
record FlowContext(Flow flow, Direction direction, Pod local, Identity remote, Optional<Pod> destination,
        Optional<String> dnsQuery) {

    FlowContext {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(dnsQuery, "dnsQuery");
    }

    /** The flow's L4 part, e.g. {@code TCP/8080} or {@code ICMP type 8}. */
    String l4() {
        return flow.transport().hasPorts() ? flow.transport() + "/" + flow.port()
                : flow.transport() + " type " + flow.icmpType();
    }
}
