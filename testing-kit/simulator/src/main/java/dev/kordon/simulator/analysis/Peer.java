package dev.kordon.simulator.analysis;

import dev.kordon.simulator.Endpoint;
import java.util.Objects;

/**
 * One end of a connectivity line: a workload (its pods folded into their owner, probed through a representative
 * pod), an interval of external IPv4 addresses (probed through its first address), or netpol-analyzer's pseudo-peer
 * {@code {ingress-controller}} (probed through a pod outside the cluster, see {@link #ingressController}).
 *
 * @param name  {@code namespace/name} of the workload, {@code a.b.c.d-e.f.g.h} of the interval, or
 *              {@code ingress-controller}
 * @param kind  the owner's kind ({@code Deployment}, {@code Pod}, …), {@code External}, or
 *              {@value #INGRESS_CONTROLLER}
 * @param probe the endpoint flows are simulated from or to
 */
public record Peer(String name, String kind, Endpoint probe) {

    /** The kind of the pseudo-peer {@code {ingress-controller}}. */
    public static final String INGRESS_CONTROLLER = "IngressController";

    public Peer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(probe, "probe");
    }

    /** Whether this is an interval of external addresses. */
    public boolean isExternal() {
        return probe instanceof Endpoint.External;
    }

    /**
     * The pseudo-peer that stands for the ingress controller behind Ingress and Route objects: it appears in
     * connectivity lists only, as the source of the connections they forward.
     */
    static Peer ingressController(String name, Endpoint probe) {
        return new Peer(name, INGRESS_CONTROLLER, probe);
    }

    /** Whether this is the pseudo-peer {@code {ingress-controller}}. */
    public boolean isIngressController() {
        return kind.equals(INGRESS_CONTROLLER);
    }

    /**
     * netpol-analyzer's label: {@code ns/name[Kind]}, {@code a.b.c.d-e.f.g.h[External]} or
     * {@code {ingress-controller}}.
     */
    @Override
    public String toString() {
        return isIngressController() ? "{" + name + "}" : name + "[" + kind + "]";
    }
}
