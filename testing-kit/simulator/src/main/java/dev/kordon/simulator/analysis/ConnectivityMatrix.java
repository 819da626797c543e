package dev.kordon.simulator.analysis;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.engine.Allowances;
import dev.kordon.simulator.engine.MatrixProbes;
import dev.kordon.simulator.input.Manifest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The connectivity of a cluster as a compact matrix: rows are the workloads then the external sources, columns the
 * workloads then the external destinations (see {@link Connectivity}); each cell with some allowed connection holds
 * the number of a {@link ConnectionSet} stored once, so a matrix of millions of allowed pairs takes a few bytes a pair.
 *
 * <p>When the simulator's CNI can state its policies per rule ({@link Simulator#allowances}), the matrix is computed
 * per rule; otherwise every pair is decided flow by flow, once per port interval and protocol. Both give the same
 * cells: {@link #perRule()} tells which one ran.
 */
public final class ConnectivityMatrix {

    private final List<Peer> sources;
    private final List<Peer> destinations;
    private final MatrixRows rows;
    private final boolean perRule;

    private ConnectivityMatrix(List<Peer> sources, List<Peer> destinations, MatrixRows rows, boolean perRule) {
        this.sources = sources;
        this.destinations = destinations;
        this.rows = rows;
        this.perRule = perRule;
    }

    /** The matrix of the simulator's cluster under the policies it was built from. */
    public static ConnectivityMatrix analyse(Simulator simulator, List<Manifest> policies) {
        return analyse(simulator, Boundaries.cidrs(policies, "ingress"), Boundaries.cidrs(policies, "egress"),
                Boundaries.portStarts(policies, simulator.cluster().pods()));
    }

    /** The matrix with the given cuts (see {@link Connectivity}), per rule when the simulator allows it. */
    static ConnectivityMatrix analyse(Simulator simulator, List<String> ingressCidrs, List<String> egressCidrs,
            List<Integer> portStarts) {
        Layout layout = new Layout(simulator, ingressCidrs, egressCidrs, portStarts);
        return perRule(simulator, layout).orElseGet(() -> perPair(simulator, layout));
    }

    /** The matrix computed per rule, or empty when the simulator cannot state its policies so. */
    static Optional<ConnectivityMatrix> perRule(Simulator simulator, Layout layout) {
        List<Optional<Allowances>> both = Stream.of(Allowances.Direction.EGRESS, Allowances.Direction.INGRESS)
                .parallel().map(direction -> simulator.allowances(layout.probes, direction)).toList();
        if (both.get(0).isEmpty() || both.get(1).isEmpty()) {
            return Optional.empty();
        }
        MatrixRows rows = new PerRuleMatrix(layout.probes, layout.workloads.size(), layout.sources.size(),
                both.get(0).get(), both.get(1).get()).compute(layout.probes);
        return Optional.of(new ConnectivityMatrix(layout.rows(), layout.columns(), rows, true));
    }

    /** The matrix decided flow by flow: every pair, every port interval of TCP, UDP and SCTP, then ICMP. */
    static ConnectivityMatrix perPair(Simulator simulator, Layout layout) {
        List<Peer> rowPeers = layout.rows();
        List<Peer> columnPeers = layout.columns();
        MatrixRows rows = new MatrixRows(rowPeers.size());
        ConnectionPool pool = new ConnectionPool(layout.probes);
        MatrixRows.Writer writer = rows.writer(pool);
        List<PortRange> intervals = Boundaries.portIntervals(layout.probes.portStarts());
        int workloads = layout.workloads.size();
        for (int row = 0; row < rowPeers.size(); row++) {
            for (int column = 0; column < columnPeers.size(); column++) {
                boolean analysed = row < workloads ? column != row : column < workloads;
                if (analysed) {
                    writer.add(column, pool.intern(Connectivity.probe(simulator, rowPeers.get(row).probe(),
                            columnPeers.get(column).probe(), intervals)));
                }
            }
            writer.endRow(row);
        }
        return new ConnectivityMatrix(rowPeers, columnPeers, rows, false);
    }

    /** The rows: the workloads, then the external sources. */
    public List<Peer> sources() {
        return sources;
    }

    /** The columns: the workloads, then the external destinations. */
    public List<Peer> destinations() {
        return destinations;
    }

    /** Whether it was computed per rule rather than flow by flow. */
    public boolean perRule() {
        return perRule;
    }

    /** How many ordered pairs have some allowed connection. */
    public long pairs() {
        long pairs = 0;
        for (int row = 0; row < rows.rows(); row++) {
            pairs += rows.columns(row).length;
        }
        return pairs;
    }

    /** What the source (a row) may open to the destination (a column); {@code No Connections} when nothing. */
    public ConnectionSet allowed(int source, int destination) {
        int at = Arrays.binarySearch(rows.columns(source), destination);
        return at < 0 ? ConnectionSet.of(Map.of()) : rows.set(source, at);
    }

    /** Every pair with some allowed connection, sorted by source then destination label. */
    public List<Connection> connections() {
        List<Connection> connections = new ArrayList<>();
        for (int row = 0; row < rows.rows(); row++) {
            int[] columns = rows.columns(row);
            for (int i = 0; i < columns.length; i++) {
                connections.add(new Connection(sources.get(row), destinations.get(columns[i]), rows.set(row, i)));
            }
        }
        connections.sort(Comparator.comparing((Connection c) -> c.source().toString())
                .thenComparing(c -> c.destination().toString()));
        return connections;
    }

    /** The peers and probes of a matrix: workloads, external sources and external destinations. */
    static final class Layout {

        final List<Peer> workloads;
        final List<Peer> sources;
        final List<Peer> destinations;
        final MatrixProbes probes;

        Layout(Simulator simulator, List<String> ingressCidrs, List<String> egressCidrs, List<Integer> portStarts) {
            workloads = Connectivity.workloads(simulator.cluster().pods());
            sources = Connectivity.externals(ingressCidrs);
            destinations = Connectivity.externals(egressCidrs);
            List<Endpoint> endpoints = Stream.of(workloads, sources, destinations).flatMap(List::stream)
                    .map(Peer::probe).toList();
            probes = new MatrixProbes(endpoints, portStarts);
        }

        List<Peer> rows() {
            return Stream.concat(workloads.stream(), sources.stream()).toList();
        }

        List<Peer> columns() {
            return Stream.concat(workloads.stream(), destinations.stream()).toList();
        }
    }
}
