package dev.kordon.simulator.cilium;

import dev.kordon.simulator.Decision.Outcome;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a pod learned the addresses of a name: {@code toFQDNs} admits only addresses from DNS answers that
 * Cilium's DNS proxy saw [CIL-API] {@code fqdn.go}, so the pod's lookup (UDP/53, or TCP/53, to the cluster DNS: the
 * pods labelled {@code k8s-app=kube-dns}, or a stand-in {@code kube-system/kube-dns} when the cluster lists none)
 * must be allowed through a port rule with {@code rules.dns} matching the name, and admitted at the DNS pod.
 */
final class DnsLookups {

    private static final Pod STAND_IN = new Pod("kube-system", "kube-dns", new java.util.TreeMap<>(
            Map.of("k8s-app", "kube-dns")), "10.96.0.10", List.of(), "coredns", false, "", "", Map.of());

    private final Cluster cluster;
    private final DirectionEvaluator evaluator;

    DnsLookups(Cluster cluster, DirectionEvaluator evaluator) {
        this.cluster = cluster;
        this.evaluator = evaluator;
    }

    Check learned(FlowContext context) {
        String name = context.remote().fqdn();
        List<Pod> servers = cluster.pods().stream()
                .filter(p -> "kube-dns".equals(p.labels().get("k8s-app")) && !p.hostNetwork()).toList();
        boolean assumed = servers.isEmpty();
        String failure = "";
        for (Pod server : assumed ? List.of(STAND_IN) : servers) {
            for (Transport transport : List.of(Transport.UDP, Transport.TCP)) {
                String where = context.local().id() + "'s lookup of " + name + " (" + transport + "/53 to "
                        + server.id() + (assumed ? ", assumed: the cluster lists no pod labelled k8s-app=kube-dns"
                        : "") + ")";
                Optional<String> miss = lookup(context.local(), server, transport, name, where);
                if (miss.isEmpty()) {
                    return Check.pass("its addresses were learned from " + where + ", which went through Cilium's"
                            + " DNS proxy");
                }
                failure = failure.isEmpty() ? miss.get() : failure;
            }
        }
        return Check.fail(failure);
    }

    /** Why the lookup teaches the source nothing, or empty when it goes through the DNS proxy and is answered. */
    private Optional<String> lookup(Pod source, Pod server, Transport transport, String name, String where) {
        Flow lookup = Flow.of(new Endpoint.OfPod(source), new Endpoint.OfPod(server), transport, 53);
        Result egress = evaluator.decide(Direction.EGRESS, lookup, Optional.of(name));
        if (egress.decision().outcome() != Outcome.ALLOW) {
            return Optional.of(where + " is not allowed: " + egress.lastReason());
        }
        if (!egress.dnsProxied()) {
            return Optional.of(where + " is allowed without rules.dns, so Cilium's DNS proxy never sees the answer"
                    + " and nothing is learned");
        }
        Result ingress = evaluator.decide(Direction.INGRESS, lookup, Optional.empty());
        return ingress.decision().permits() ? Optional.empty()
                : Optional.of(where + " is dropped at " + server.id() + ": " + ingress.lastReason());
    }
}
