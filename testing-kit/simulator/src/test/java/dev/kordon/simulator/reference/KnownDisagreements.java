package dev.kordon.simulator.reference;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;

/**
 * Probes left out of the differential tests because the reference and a simulated target disagree on them and the
 * cause lies outside this package (a generator or an engine). Each entry names the disagreement.
 */
final class KnownDisagreements {

    private KnownDisagreements() {
    }

    /** Whether this probe is left out for this target. */
    static boolean skip(String targetId, Flow flow) {
        return localNodeAlwaysAllowed(targetId, flow) || ownNodeAlwaysReachable(targetId, flow);
    }

    /**
     * DISAGREEMENT (every kubernetes* and cilium* target; not calico*): a flow from a node to a pod scheduled on that
     * node, e.g. {@code node:node-1 -> boutique/adservice TCP/9555}. The reference denies it (the pod is isolated for
     * ingress and no allow names nodes). The generic engine allows it ("traffic from the pod's own node node-1
     * (192.168.10.1) is always allowed, even though NetworkPolicy ... isolate boutique/adservice"), the cilium engine
     * too ("traffic from the local node ... is always allowed into its endpoints (allow-localhost)"); with +istio it
     * stays allowed where the sidecar does not intercept (UDP) or does not require mTLS. The generators report these
     * intents as exact, so either they should report the local-node exception or the model (docs/dsl.md §2) should say
     * that a pod's own node always reaches it. Flows from a node that hosts no pod (node-2) are still compared.
     */
    private static boolean localNodeAlwaysAllowed(String targetId, Flow flow) {
        return !targetId.startsWith("calico") && flow.source() instanceof Endpoint.OfNode
                && flow.destination() instanceof Endpoint.OfPod
                && ((Endpoint.OfPod) flow.destination()).pod().node()
                        .equals(((Endpoint.OfNode) flow.source()).node().name());
    }

    /**
     * DISAGREEMENT (every kubernetes* target, with or without +istio): a flow from a pod to the node it is scheduled
     * on, e.g. {@code boutique/adservice -> node:node-1 TCP/443}. The reference denies it (the pod is isolated for
     * egress by isolate-boutique-pods-ingress-egress and no allow names nodes); the generic engine allows it
     * ("traffic to the pod's own node node-1 (192.168.10.1) is always allowed, even though NetworkPolicy ...
     * isolate boutique/adservice"). The NetworkPolicy generator reports these intents as exact. Calico and cilium
     * agree with the reference here. Flows to node-2 are still compared.
     */
    private static boolean ownNodeAlwaysReachable(String targetId, Flow flow) {
        return targetId.startsWith("kubernetes") && flow.destination() instanceof Endpoint.OfNode
                && flow.source() instanceof Endpoint.OfPod
                && ((Endpoint.OfPod) flow.source()).pod().node()
                        .equals(((Endpoint.OfNode) flow.destination()).node().name());
    }
}
