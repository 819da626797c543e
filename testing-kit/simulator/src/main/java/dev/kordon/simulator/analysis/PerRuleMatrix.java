package dev.kordon.simulator.analysis;

import dev.kordon.simulator.engine.Allowances;
import dev.kordon.simulator.engine.MatrixProbes;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The connectivity matrix from the CNI's per-rule allowances, row by row: a cell is what the source's egress allows
 * toward the destination intersected with what the destination's ingress allows from the source. Each side is, for
 * a pair that no tier rule names, everything when the subject is not enforced, else the union of the grants that
 * name the pair; for a pair that tier rules name, what those rules decide in order (a {@link TierOutcomes} outcome)
 * with the grants, or the stage after them, deciding what the rules before them leave.
 *
 * <p>The probes are laid out as workloads ({@code 0..w-1}), external sources, then external destinations; the rows
 * are the workloads then the sources, the columns the workloads then the destinations. Per row the work is
 * proportional to the grants and tier rules of the row's pod and the ingress grants and tier rules naming it, not to
 * the whole matrix.
 */
final class PerRuleMatrix {

    private static final int EMPTY = 0;
    private static final int SOME = 1;
    private static final int ALL = 2;

    private final int workloads;
    private final int sources;
    private final int destinations;
    private final int words;
    private final long[] everything;
    private final Allowances egress;
    private final Allowances ingress;
    private final int[][] egressBySubject;
    private final int[][] ingressByPeer;
    private final int[][] egressTiersBySubject;
    private final int[][] ingressTiersByPeer;

    PerRuleMatrix(MatrixProbes probes, int workloads, int sources, Allowances egress, Allowances ingress) {
        this.workloads = workloads;
        this.sources = sources;
        this.destinations = probes.peers().size() - workloads - sources;
        this.words = probes.words();
        this.everything = probes.everything();
        this.egress = egress;
        this.ingress = ingress;
        this.egressBySubject = bySubject(egress.grants(), Allowances.Grant::subjects, workloads);
        this.ingressByPeer = byPeer(ingress.grants(), Allowances.Grant::peers, workloads + sources);
        this.egressTiersBySubject = bySubject(egress.tiers(), Allowances.TierRule::subjects, workloads);
        this.ingressTiersByPeer = byPeer(ingress.tiers(), Allowances.TierRule::peers, workloads + sources);
    }

    /** Every cell with some allowed connection, the rows shared out among the processors. */
    MatrixRows compute(MatrixProbes probes) {
        MatrixRows rows = new MatrixRows(workloads + sources);
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (workloads + sources) / 64));
        IntStream.range(0, parts).parallel().forEach(part -> {
            MatrixRows.Writer writer = rows.writer(new ConnectionPool(probes));
            Row row = new Row(writer.pool().intern(everything.clone(), 0), new TierOutcomes(probes, egress.tiers()),
                    new TierOutcomes(probes, ingress.tiers()));
            int from = (int) ((long) (workloads + sources) * part / parts);
            int to = (int) ((long) (workloads + sources) * (part + 1) / parts);
            for (int r = from; r < to; r++) {
                row.write(r, writer);
            }
        });
        return rows;
    }

    /**
     * The buffers of one row: its egress grants and tier rules per column, and the ingress grants and tier rules
     * naming it per workload.
     */
    private final class Row {

        private final long[] out = new long[(workloads + destinations) * words];
        private final BitSet touchedOut = new BitSet(workloads + destinations);
        private final int[] tiersOut = new int[workloads + destinations];
        private final BitSet tieredOut = new BitSet(workloads + destinations);
        private final long[] in = new long[workloads * words];
        private final BitSet touchedIn = new BitSet(workloads);
        private final int[] tiersIn = new int[workloads];
        private final BitSet tieredIn = new BitSet(workloads);
        private final long[] egressSide = new long[words];
        private final long[] ingressSide = new long[words];
        private final long[] cell = new long[words];
        private final TierOutcomes egressOutcomes;
        private final TierOutcomes ingressOutcomes;
        private final int all;

        Row(int all, TierOutcomes egressOutcomes, TierOutcomes ingressOutcomes) {
            this.all = all;
            this.egressOutcomes = egressOutcomes;
            this.ingressOutcomes = ingressOutcomes;
        }

        void write(int row, MatrixRows.Writer writer) {
            boolean subject = row < workloads;
            boolean enforcedOut = subject && egress.isEnforced(row);
            if (enforcedOut) {
                egressRow(row, out, touchedOut);
            }
            if (subject) {
                egressTiers(row);
            }
            ingressRow(row, in, touchedIn);
            ingressTiers(row);
            if (enforcedOut) {
                // Only the columns that a grant or a tier rule names can be allowed.
                BitSet named = (BitSet) touchedOut.clone();
                named.or(tieredOut);
                for (int column = named.nextSetBit(0); column >= 0; column = named.nextSetBit(column + 1)) {
                    cell(row, column, true, writer);
                }
            } else {
                int columns = subject ? workloads + destinations : workloads;
                for (int column = 0; column < columns; column++) {
                    cell(row, column, false, writer);
                }
            }
            clear(out, touchedOut);
            clear(in, touchedIn);
            clear(tiersOut, tieredOut);
            clear(tiersIn, tieredIn);
            writer.endRow(row);
        }

        /** Adds the cell of a column: what the row's egress allows toward it and what its ingress allows. */
        private void cell(int row, int column, boolean enforcedOut, MatrixRows.Writer writer) {
            if (column == row) {
                return;
            }
            int outKind = side(enforcedOut, touchedOut.get(column), out, column,
                    tieredOut.get(column) ? egressOutcomes.outcome(tiersOut[column]) : null, egressSide);
            if (outKind == EMPTY) {
                return;
            }
            int inKind = column >= workloads ? ALL : side(ingress.isEnforced(column), touchedIn.get(column), in,
                    column, tieredIn.get(column) ? ingressOutcomes.outcome(tiersIn[column]) : null, ingressSide);
            if (inKind == EMPTY) {
                return;
            }
            if (outKind == ALL && inKind == ALL) {
                writer.add(column, all);
                return;
            }
            for (int w = 0; w < words; w++) {
                cell[w] = (outKind == ALL ? everything[w] : egressSide[w]) & (inKind == ALL ? everything[w]
                        : ingressSide[w]);
            }
            writer.add(column, writer.pool().intern(cell, 0));
        }

        /**
         * What one side of a pair allows, written into {@code target} unless it is everything or nothing: with no
         * tier rule naming the pair, the grants of an enforced subject, else everything; with tier rules, what they
         * decide before the grants, and of what they leave, what the grants (enforced) or the stage after them allow.
         */
        private int side(boolean enforced, boolean granted, long[] grants, int at, TierOutcomes.Outcome outcome,
                long[] target) {
            if (outcome == null) {
                if (!enforced) {
                    return ALL;
                }
                if (!granted) {
                    return EMPTY;
                }
                System.arraycopy(grants, at * words, target, 0, words);
                return SOME;
            }
            boolean any = false;
            for (int w = 0; w < words; w++) {
                long next = enforced ? (granted ? grants[at * words + w] : 0) : outcome.after()[w];
                target[w] = outcome.decided()[w] | (outcome.onward()[w] & next);
                any |= target[w] != 0;
            }
            return any ? SOME : EMPTY;
        }

        /** The combination of egress tier rules naming each column, for the row's pod. */
        private void egressTiers(int row) {
            for (int rule : egressTiersBySubject[row]) {
                BitSet peers = egress.tiers().get(rule).peers();
                // Neighbouring columns mostly share their combination: remember the last step taken.
                int from = -1;
                int to = -1;
                for (int peer = peers.nextSetBit(0); peer >= 0; peer = peers.nextSetBit(peer + 1)) {
                    if (peer < workloads || peer >= workloads + sources) {
                        int column = peer < workloads ? peer : peer - sources;
                        if (tiersOut[column] != from) {
                            from = tiersOut[column];
                            to = egressOutcomes.with(from, rule);
                        }
                        tiersOut[column] = to;
                        tieredOut.set(column);
                    }
                }
            }
        }

        /** The combination of ingress tier rules naming the row's peer, at each workload they apply to. */
        private void ingressTiers(int row) {
            for (int rule : ingressTiersByPeer[row]) {
                int from = -1;
                int to = -1;
                for (int subject : ingress.tiers().get(rule).subjects()) {
                    if (subject < workloads) {
                        if (tiersIn[subject] != from) {
                            from = tiersIn[subject];
                            to = ingressOutcomes.with(from, rule);
                        }
                        tiersIn[subject] = to;
                        tieredIn.set(subject);
                    }
                }
            }
        }

        private void clear(long[] bits, BitSet touched) {
            for (int at = touched.nextSetBit(0); at >= 0; at = touched.nextSetBit(at + 1)) {
                for (int w = at * words; w < at * words + words; w++) {
                    bits[w] = 0;
                }
            }
            touched.clear();
        }

        private void clear(int[] combinations, BitSet touched) {
            for (int at = touched.nextSetBit(0); at >= 0; at = touched.nextSetBit(at + 1)) {
                combinations[at] = TierOutcomes.NONE;
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

    /** For each subject below {@code limit}, the indexes (ascending) of the rules that name it. */
    private static <T> int[][] bySubject(List<T> rules, Function<T, int[]> subjects, int limit) {
        int[] counts = new int[limit];
        for (T rule : rules) {
            for (int subject : subjects.apply(rule)) {
                if (subject < limit) {
                    counts[subject]++;
                }
            }
        }
        int[][] index = fill(counts);
        int[] next = new int[limit];
        for (int r = 0; r < rules.size(); r++) {
            for (int subject : subjects.apply(rules.get(r))) {
                if (subject < limit) {
                    index[subject][next[subject]++] = r;
                }
            }
        }
        return index;
    }

    /** For each peer below {@code limit}, the indexes (ascending) of the rules that name it. */
    private static <T> int[][] byPeer(List<T> rules, Function<T, BitSet> peersOf, int limit) {
        int[] counts = new int[limit];
        for (T rule : rules) {
            BitSet peers = peersOf.apply(rule);
            for (int peer = peers.nextSetBit(0); peer >= 0 && peer < limit; peer = peers.nextSetBit(peer + 1)) {
                counts[peer]++;
            }
        }
        int[][] index = fill(counts);
        int[] next = new int[limit];
        for (int r = 0; r < rules.size(); r++) {
            BitSet peers = peersOf.apply(rules.get(r));
            for (int peer = peers.nextSetBit(0); peer >= 0 && peer < limit; peer = peers.nextSetBit(peer + 1)) {
                index[peer][next[peer]++] = r;
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
