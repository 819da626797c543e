package dev.kordon.simulator.analysis;

import dev.kordon.simulator.engine.Allowances;
import dev.kordon.simulator.engine.MatrixProbes;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The connectivity matrix from the CNI's per-rule allowances, row by row: a cell is what the source's egress allows
 * toward the destination intersected with what the destination's ingress allows from the source, each being
 * everything when the subject is not enforced, else the union of the grants that name the pair.
 *
 * <p>The probes are laid out as workloads ({@code 0..w-1}), external sources, then external destinations; the rows
 * are the workloads then the sources, the columns the workloads then the destinations. Per row the work is
 * proportional to the grants of the row's pod and the ingress grants naming it, not to the whole matrix.
 */
final class PerRuleMatrix {

    private final int workloads;
    private final int sources;
    private final int destinations;
    private final int words;
    private final long[] everything;
    private final Allowances egress;
    private final Allowances ingress;
    private final int[][] egressBySubject;
    private final int[][] ingressByPeer;

    PerRuleMatrix(MatrixProbes probes, int workloads, int sources, Allowances egress, Allowances ingress) {
        this.workloads = workloads;
        this.sources = sources;
        this.destinations = probes.peers().size() - workloads - sources;
        this.words = probes.words();
        this.everything = probes.everything();
        this.egress = egress;
        this.ingress = ingress;
        this.egressBySubject = bySubject(egress.grants(), workloads);
        this.ingressByPeer = byPeer(ingress.grants(), workloads + sources);
    }

    /** Every cell with some allowed connection, the rows shared out among the processors. */
    MatrixRows compute(MatrixProbes probes) {
        MatrixRows rows = new MatrixRows(workloads + sources);
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (workloads + sources) / 64));
        IntStream.range(0, parts).parallel().forEach(part -> {
            MatrixRows.Writer writer = rows.writer(new ConnectionPool(probes));
            Row row = new Row(writer.pool().intern(everything.clone(), 0));
            int from = (int) ((long) (workloads + sources) * part / parts);
            int to = (int) ((long) (workloads + sources) * (part + 1) / parts);
            for (int r = from; r < to; r++) {
                row.write(r, writer);
            }
        });
        return rows;
    }

    /** The buffers of one row: its egress allowance per column and the ingress allowances per workload. */
    private final class Row {

        private final long[] out = new long[(workloads + destinations) * words];
        private final BitSet touchedOut = new BitSet(workloads + destinations);
        private final long[] in = new long[workloads * words];
        private final BitSet touchedIn = new BitSet(workloads);
        private final long[] cell = new long[words];
        private final int all;

        Row(int all) {
            this.all = all;
        }

        void write(int row, MatrixRows.Writer writer) {
            ConnectionPool pool = writer.pool();
            boolean enforcedOut = row < workloads && egress.isEnforced(row);
            if (enforcedOut) {
                egressRow(row, out, touchedOut);
            }
            ingressRow(row, in, touchedIn);
            if (enforcedOut) {
                for (int column = touchedOut.nextSetBit(0); column >= 0; column = touchedOut.nextSetBit(column + 1)) {
                    if (column != row) {
                        writer.add(column, column < workloads && ingress.isEnforced(column)
                                ? pool.intern(and(column), 0) : pool.intern(out, column * words));
                    }
                }
            } else {
                for (int column = 0; column < workloads; column++) {
                    if (column != row) {
                        writer.add(column, !ingress.isEnforced(column) ? all
                                : touchedIn.get(column) ? pool.intern(in, column * words) : -1);
                    }
                }
                for (int column = workloads; row < workloads && column < workloads + destinations; column++) {
                    writer.add(column, all);
                }
            }
            clear(out, touchedOut);
            clear(in, touchedIn);
            writer.endRow(row);
        }

        private long[] and(int column) {
            for (int w = 0; w < words; w++) {
                cell[w] = out[column * words + w] & in[column * words + w];
            }
            return cell;
        }

        private void clear(long[] bits, BitSet touched) {
            for (int at = touched.nextSetBit(0); at >= 0; at = touched.nextSetBit(at + 1)) {
                for (int w = at * words; w < at * words + words; w++) {
                    bits[w] = 0;
                }
            }
            touched.clear();
        }
    }

    /** What the row's pod allows toward each column its egress grants name. */
    private void egressRow(int row, long[] allowed, BitSet touched) {
        for (int grant : egressBySubject[row]) {
            Allowances.Grant g = egress.grants().get(grant);
            BitSet peers = g.peers();
            for (int peer = peers.nextSetBit(0); peer >= 0; peer = peers.nextSetBit(peer + 1)) {
                if (peer < workloads || peer >= workloads + sources) {
                    int column = peer < workloads ? peer : peer - sources;
                    or(allowed, column * words, g.ports());
                    touched.set(column);
                }
            }
        }
    }

    /** What the ingress grants naming the row's peer allow at each workload they apply to. */
    private void ingressRow(int row, long[] allowed, BitSet touched) {
        for (int grant : ingressByPeer[row]) {
            Allowances.Grant g = ingress.grants().get(grant);
            for (int subject : g.subjects()) {
                if (subject < workloads) {
                    or(allowed, subject * words, g.ports());
                    touched.set(subject);
                }
            }
        }
    }

    private void or(long[] target, int offset, long[] bits) {
        for (int w = 0; w < words; w++) {
            target[offset + w] |= bits[w];
        }
    }

    /** For each subject below {@code limit}, the indexes of the grants that name it. */
    private static int[][] bySubject(List<Allowances.Grant> grants, int limit) {
        int[] counts = new int[limit];
        for (Allowances.Grant grant : grants) {
            for (int subject : grant.subjects()) {
                if (subject < limit) {
                    counts[subject]++;
                }
            }
        }
        int[][] index = fill(counts);
        int[] next = new int[limit];
        for (int g = 0; g < grants.size(); g++) {
            for (int subject : grants.get(g).subjects()) {
                if (subject < limit) {
                    index[subject][next[subject]++] = g;
                }
            }
        }
        return index;
    }

    /** For each peer below {@code limit}, the indexes of the grants that allow it. */
    private static int[][] byPeer(List<Allowances.Grant> grants, int limit) {
        int[] counts = new int[limit];
        for (Allowances.Grant grant : grants) {
            BitSet peers = grant.peers();
            for (int peer = peers.nextSetBit(0); peer >= 0 && peer < limit; peer = peers.nextSetBit(peer + 1)) {
                counts[peer]++;
            }
        }
        int[][] index = fill(counts);
        int[] next = new int[limit];
        for (int g = 0; g < grants.size(); g++) {
            BitSet peers = grants.get(g).peers();
            for (int peer = peers.nextSetBit(0); peer >= 0 && peer < limit; peer = peers.nextSetBit(peer + 1)) {
                index[peer][next[peer]++] = g;
            }
        }
        return index;
    }

    private static int[][] fill(int[] counts) {
        int[][] index = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            index[i] = new int[counts[i]];
        }
        return index;
    }
}
