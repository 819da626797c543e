package dev.kordon.simulator.analysis;

import dev.kordon.simulator.engine.Allowances;
import dev.kordon.simulator.engine.MatrixProbes;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

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
    private final long[] ingressDefault;

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
        this.ingressDefault = new long[workloads * words];
        for (int d = 0; d < workloads; d++) {
            if (!ingress.enforced().get(d)) {
                System.arraycopy(everything, 0, ingressDefault, d * words, words);
            }
        }
    }

    /** Every cell with some allowed connection. */
    MatrixRows compute(ConnectionPool pool) {
        MatrixRows rows = new MatrixRows(workloads + sources);
        long[] allowedOut = new long[(workloads + destinations) * words];
        long[] allowedIn = new long[workloads * words];
        long[] cell = new long[words];
        int all = pool.intern(everything.clone(), 0);
        for (int row = 0; row < workloads + sources; row++) {
            boolean enforcedOut = row < workloads && egress.enforced().get(row);
            if (enforcedOut) {
                egressRow(row, allowedOut);
            }
            ingressRow(row, allowedIn);
            for (int column = 0; column < workloads; column++) {
                if (column == row) {
                    continue;
                }
                for (int w = 0; w < words; w++) {
                    cell[w] = allowedIn[column * words + w] & (enforcedOut ? allowedOut[column * words + w] : -1L);
                }
                add(rows, column, pool.intern(cell, 0));
            }
            for (int column = workloads; row < workloads && column < workloads + destinations; column++) {
                add(rows, column, enforcedOut ? pool.intern(allowedOut, column * words) : all);
            }
            rows.endRow(row);
        }
        return rows;
    }

    private static void add(MatrixRows rows, int column, int set) {
        if (set >= 0) {
            rows.add(column, set);
        }
    }

    /** What the row's pod allows toward every column, by its egress grants. */
    private void egressRow(int row, long[] allowed) {
        Arrays.fill(allowed, 0);
        for (int grant : egressBySubject[row]) {
            Allowances.Grant g = egress.grants().get(grant);
            BitSet peers = g.peers();
            for (int peer = peers.nextSetBit(0); peer >= 0; peer = peers.nextSetBit(peer + 1)) {
                int column = peer < workloads ? peer : peer - sources;
                if (peer < workloads || peer >= workloads + sources) {
                    or(allowed, column * words, g.ports());
                }
            }
        }
    }

    /** What every workload's ingress allows from the row's peer. */
    private void ingressRow(int row, long[] allowed) {
        System.arraycopy(ingressDefault, 0, allowed, 0, allowed.length);
        for (int grant : ingressByPeer[row]) {
            Allowances.Grant g = ingress.grants().get(grant);
            for (int subject : g.subjects()) {
                if (subject < workloads) {
                    or(allowed, subject * words, g.ports());
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
