package dev.kordon.simulator.analysis;

import dev.kordon.simulator.Transport;
import dev.kordon.simulator.engine.MatrixProbes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct sets of allowed connections of a matrix, each stored once as bits (laid out as {@link MatrixProbes}
 * says) and named by a number: a matrix cell holds the number, not the set. A set is normalised as the per-flow
 * analysis sees it: ICMP counts only when every port of every protocol is allowed too (it is probed only then).
 */
final class ConnectionPool {

    private final MatrixProbes probes;
    private final int words;
    private final long[] allPorts;
    private long[] store;
    private int count;
    private int[] table = new int[1 << 10];
    private int[] hashes = new int[1 << 10];
    private final List<ConnectionSet> sets = new ArrayList<>();

    ConnectionPool(MatrixProbes probes) {
        this.probes = probes;
        this.words = probes.words();
        this.allPorts = probes.everything();
        this.allPorts[probes.icmpBit() >>> 6] &= ~(1L << probes.icmpBit());
        this.store = new long[words * 64];
    }

    /** How many distinct sets there are. */
    int size() {
        return count;
    }

    /**
     * The number of the set held in {@code buffer} at {@code offset} (which is normalised in place), or -1 when it
     * allows nothing.
     */
    int intern(long[] buffer, int offset) {
        normalise(buffer, offset);
        boolean empty = true;
        for (int w = 0; w < words; w++) {
            empty &= buffer[offset + w] == 0;
        }
        if (empty) {
            return -1;
        }
        int mask = table.length - 1;
        int hash = hash(buffer, offset);
        int slot = hash & mask;
        while (table[slot] != 0) {
            int id = table[slot] - 1;
            if (hashes[slot] == hash
                    && Arrays.equals(store, id * words, id * words + words, buffer, offset, offset + words)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if (count * words + words > store.length) {
            store = Arrays.copyOf(store, store.length * 2);
        }
        System.arraycopy(buffer, offset, store, count * words, words);
        table[slot] = ++count;
        hashes[slot] = hash;
        if (count * 4 > table.length) {
            rehash();
        }
        return count - 1;
    }

    /** The number of a set of connections, as the per-flow analysis found it. */
    int intern(ConnectionSet set) {
        long[] bits = new long[words];
        for (Transport transport : MatrixProbes.PROTOCOLS) {
            for (PortRange range : set.ports(transport)) {
                for (int i = 0; i < probes.portStarts().size(); i++) {
                    int start = probes.portStarts().get(i);
                    if (start >= range.from() && start <= range.to()) {
                        set(bits, probes.bit(transport, i));
                    }
                }
            }
        }
        if (set.isAll()) {
            set(bits, probes.icmpBit());
        }
        return intern(bits, 0);
    }

    /** The set with this number. */
    ConnectionSet set(int id) {
        while (sets.size() <= id) {
            sets.add(null);
        }
        if (sets.get(id) == null) {
            sets.set(id, toSet(id));
        }
        return sets.get(id);
    }

    private ConnectionSet toSet(int id) {
        int offset = id * words;
        if (isSet(store, offset, probes.icmpBit())) {
            return ConnectionSet.all();
        }
        List<Integer> starts = probes.portStarts();
        Map<Transport, List<PortRange>> ports = new EnumMap<>(Transport.class);
        for (Transport transport : MatrixProbes.PROTOCOLS) {
            List<PortRange> ranges = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                if (isSet(store, offset, probes.bit(transport, i))) {
                    ranges.add(new PortRange(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) - 1 : 65535));
                }
            }
            ports.put(transport, ranges);
        }
        return ConnectionSet.of(ports);
    }

    /** Keeps ICMP only beside every port of every protocol. */
    private void normalise(long[] buffer, int offset) {
        int icmp = probes.icmpBit();
        if (!isSet(buffer, offset, icmp)) {
            return;
        }
        for (int w = 0; w < words; w++) {
            if ((buffer[offset + w] & allPorts[w]) != allPorts[w]) {
                buffer[offset + (icmp >>> 6)] &= ~(1L << icmp);
                return;
            }
        }
    }

    private void rehash() {
        int[] old = table;
        int[] oldHashes = hashes;
        table = new int[old.length * 2];
        hashes = new int[old.length * 2];
        int mask = table.length - 1;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = old[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    private int hash(long[] bits, int offset) {
        long hash = 17;
        for (int w = 0; w < words; w++) {
            hash = hash * 31 + bits[offset + w];
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return (int) hash;
    }

    private static boolean isSet(long[] bits, int offset, int bit) {
        return (bits[offset + (bit >>> 6)] & (1L << bit)) != 0;
    }

    private static void set(long[] bits, int bit) {
        bits[bit >>> 6] |= 1L << bit;
    }
}
