package dev.kordon.simulator.analysis;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.net.Ipv4Intervals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The connectivity of a cluster under its policies: for every ordered pair of peers (workloads, and the intervals of
 * external IPv4 addresses cut at every CIDR boundary in the policies) the connections allowed, as netpol-analyzer
 * lists them. A workload to itself and external to external are not analysed.
 *
 * <p>Each pair is probed once per port interval and protocol (the ports between two {@link Boundaries} are decided
 * alike), and once with ICMP for the protocols without ports: every port of TCP, UDP and SCTP plus ICMP allowed is
 * {@code All Connections}. The probes are computed per rule when the simulator's CNI can state its policies so, and
 * flow by flow otherwise (see {@link ConnectivityMatrix}).
 *
 * <p>Read from manifests ({@link ConnectivityInput}), the list also has netpol-analyzer's {@code {ingress-controller}}
 * lines for the workloads behind Ingress and Route objects, and warnings about what those objects name.
 */
public final class Connectivity {

    private final List<Peer> peers;
    private final List<Connection> connections;
    private final List<InputProblem> warnings;

    private Connectivity(List<Peer> peers, List<Connection> connections, List<InputProblem> warnings) {
        this.peers = peers;
        this.connections = connections;
        this.warnings = warnings;
    }

    /** Analyses every pair of peers of the simulator's cluster under the policies it was built from. */
    public static Connectivity analyse(Simulator simulator, List<Manifest> policies) {
        return of(ConnectivityMatrix.analyse(simulator, policies));
    }

    /**
     * Analyses every pair of peers of the simulator's cluster, with external sources cut at {@code ingressCidrs},
     * external destinations at {@code egressCidrs} and ports probed once per interval starting at {@code portStarts}
     * (which must cut at least at every boundary of the simulator's policies, for instance the intent's ports and
     * address blocks when the simulator runs on {@code ReferenceSemantics.asEngine()}).
     */
    public static Connectivity analyse(Simulator simulator, List<String> ingressCidrs, List<String> egressCidrs,
            List<Integer> portStarts) {
        return of(ConnectivityMatrix.analyse(simulator, ingressCidrs, egressCidrs, portStarts));
    }

    /** The connection list of a matrix; its peers are the workloads, the sources, then the other destinations. */
    public static Connectivity of(ConnectivityMatrix matrix) {
        List<Peer> peers = new ArrayList<>(matrix.sources());
        matrix.destinations().stream().filter(peer -> !peers.contains(peer)).forEach(peers::add);
        return new Connectivity(List.copyOf(peers), List.copyOf(matrix.connections()), List.of());
    }

    /**
     * This list with the connections of netpol-analyzer's pseudo-peer {@code {ingress-controller}} merged in (sorted
     * by source then destination label, as every line) and the warnings of the objects they come from.
     */
    Connectivity withIngressController(List<Connection> ingress, List<InputProblem> problems) {
        List<Connection> merged = new ArrayList<>(connections);
        merged.addAll(ingress);
        merged.sort(Comparator.comparing((Connection c) -> c.source().toString())
                .thenComparing(c -> c.destination().toString()));
        List<InputProblem> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(problems);
        return new Connectivity(peers, List.copyOf(merged), List.copyOf(allWarnings));
    }

    /** One peer per interval of the IPv4 space cut at the CIDRs, probed through its first address. */
    static List<Peer> externals(List<String> cidrs) {
        return Ipv4Intervals.split(cidrs).stream().map(interval -> new Peer(interval.toString(), "External",
                new Endpoint.External(interval.firstAddress(), ""))).toList();
    }

    /** The allowed connections from one endpoint to another, probing one port per interval. */
    static ConnectionSet probe(Simulator simulator, Endpoint from, Endpoint to, List<PortRange> intervals) {
        Map<Transport, List<PortRange>> ports = new EnumMap<>(Transport.class);
        boolean full = true;
        for (Transport transport : ConnectionSet.PORT_PROTOCOLS) {
            List<PortRange> allowed = new ArrayList<>();
            for (PortRange interval : intervals) {
                if (simulator.decide(Flow.of(from, to, transport, interval.from())).allowed()) {
                    allowed.add(interval);
                } else {
                    full = false;
                }
            }
            ports.put(transport, allowed);
        }
        if (full && simulator.decide(Flow.icmp(from, to, Transport.ICMP, 8)).allowed()) {
            return ConnectionSet.all();
        }
        return ConnectionSet.of(ports);
    }

    /**
     * One peer per workload: pods with the same owner (or a bare pod on its own) are folded into one, probed through
     * the first of them; named {@code namespace/owner} with the owner's kind, or {@code namespace/pod[Pod]}.
     */
    public static List<Peer> workloads(List<Pod> pods) {
        Map<String, Peer> byName = new LinkedHashMap<>();
        for (Pod pod : pods.stream().sorted(Comparator.comparing(Pod::id)).toList()) {
            String kind = "Pod";
            String name = pod.name();
            int slash = pod.owner().indexOf('/');
            if (slash > 0) {
                kind = pod.owner().substring(0, slash);
                name = pod.owner().substring(slash + 1);
            }
            Peer peer = new Peer(pod.namespace() + "/" + name, kind, new Endpoint.OfPod(pod));
            byName.putIfAbsent(peer.toString(), peer);
        }
        return byName.values().stream().sorted(Comparator.comparing(Peer::toString)).toList();
    }

    /** Every peer analysed: the workloads, then the external intervals. */
    public List<Peer> peers() {
        return peers;
    }

    /**
     * Every pair with some allowed connection, sorted by source then destination label; with the
     * {@code {ingress-controller}} lines when read from manifests.
     */
    public List<Connection> connections() {
        return connections;
    }

    /**
     * What the analysis could not use, each naming file, object and field: Ingress and Route backends that name no
     * usable Service or port, or that policy blocks. Nothing here changes a line between real peers.
     */
    public List<InputProblem> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Connectivity that && connections.equals(that.connections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connections);
    }
}
