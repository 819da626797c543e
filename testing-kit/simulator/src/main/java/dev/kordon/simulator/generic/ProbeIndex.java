package dev.kordon.simulator.generic;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.net.Ipv4Intervals;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.engine.MatrixProbes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The probes of a connectivity matrix indexed for set-at-a-time matching: pods by namespace and label, namespaces by
 * label, addresses sorted. Every lookup only narrows the candidates; each candidate is then checked with the same
 * predicate a single decision uses ({@link LabelSelector#matches}, {@link Cidr#containsAddress}), so the sets are
 * exactly those a decision per probe would find.
 */
final class ProbeIndex {

    private final Cluster cluster;
    private final List<Endpoint> peers;
    private final Map<String, Candidates> podsByNamespace = new HashMap<>();
    private final Candidates namespaces = new Candidates();
    private final List<String> namespaceNames;
    private final long[] sortedAddresses;
    private final int[] sortedPeers;
    private final List<Integer> otherAddresses = new ArrayList<>();
    private final Map<String, List<Integer>> byAddress = new HashMap<>();

    ProbeIndex(Cluster cluster, MatrixProbes probes) {
        this.cluster = cluster;
        this.peers = probes.peers();
        List<long[]> ipv4 = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            Endpoint peer = peers.get(i);
            byAddress.computeIfAbsent(peer.ip(), ip -> new ArrayList<>()).add(i);
            Optional<Long> address = Ipv4Intervals.address(peer.ip());
            if (address.isPresent() && Ipv4Intervals.format(address.get()).equals(peer.ip())) {
                ipv4.add(new long[] {address.get(), i});
            } else {
                otherAddresses.add(i);
            }
            if (peer instanceof Endpoint.OfPod ofPod && !ofPod.pod().hostNetwork()) {
                Pod pod = ofPod.pod();
                podsByNamespace.computeIfAbsent(pod.namespace(), name -> new Candidates()).add(i, pod.labels());
            }
        }
        namespaceNames = List.copyOf(new TreeSet<>(podsByNamespace.keySet()));
        for (int index = 0; index < namespaceNames.size(); index++) {
            namespaces.add(index, cluster.namespaceLabels(namespaceNames.get(index)));
        }
        ipv4.sort((a, b) -> Long.compare(a[0], b[0]));
        sortedAddresses = ipv4.stream().mapToLong(entry -> entry[0]).toArray();
        sortedPeers = ipv4.stream().mapToInt(entry -> (int) entry[1]).toArray();
    }

    /** How many peers there are. */
    int size() {
        return peers.size();
    }

    /** The peer with this index. */
    Endpoint peer(int index) {
        return peers.get(index);
    }

    /** The pods (not on the host network) of the namespace that the selector selects. */
    BitSet pods(String namespace, LabelSelector selector) {
        BitSet selected = new BitSet();
        addPods(namespace, selector, selected);
        return selected;
    }

    /** Adds the pods (not on the host network) of the namespace that the selector selects to {@code selected}. */
    void addPods(String namespace, LabelSelector selector, BitSet selected) {
        Candidates pods = podsByNamespace.get(namespace);
        if (pods != null) {
            for (int index : pods.candidates(selector)) {
                if (selector.matches(((Endpoint.OfPod) peers.get(index)).pod().labels())) {
                    selected.set(index);
                }
            }
        }
    }

    /** The namespaces holding pods of the probes whose labels the selector matches, by name. */
    List<String> namespaces(LabelSelector selector) {
        List<String> selected = new ArrayList<>();
        for (int index : namespaces.candidates(selector)) {
            if (selector.matches(cluster.namespaceLabels(namespaceNames.get(index)))) {
                selected.add(namespaceNames.get(index));
            }
        }
        return selected;
    }

    /** The peers whose address the CIDR contains. */
    BitSet addresses(Cidr cidr) {
        BitSet contained = new BitSet();
        Optional<long[]> range = cidr.isIpv6() ? Optional.empty() : Ipv4Intervals.parse(cidr.notation());
        List<Integer> candidates = new ArrayList<>(otherAddresses);
        if (range.isPresent()) {
            int from = lowerBound(range.get()[0]);
            for (int i = from; i < sortedAddresses.length && sortedAddresses[i] <= range.get()[1]; i++) {
                candidates.add(sortedPeers[i]);
            }
        } else {
            candidates = Arrays.stream(sortedPeers).boxed().collect(Collectors.toList());
            candidates.addAll(otherAddresses);
        }
        for (int index : candidates) {
            if (cidr.containsAddress(peers.get(index).ip())) {
                contained.set(index);
            }
        }
        return contained;
    }

    /** The peers with exactly this address. */
    List<Integer> withAddress(String ip) {
        return byAddress.getOrDefault(ip, List.of());
    }

    private int lowerBound(long address) {
        int low = 0;
        int high = sortedAddresses.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sortedAddresses[middle] < address) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Objects by label, to narrow a selector's candidates to those with a value it requires. */
    private static final class Candidates {

        private final IntList all = new IntList();
        private final Map<String, Map<String, IntList>> byLabel = new HashMap<>();

        void add(int index, Map<String, String> labels) {
            all.add(index);
            labels.forEach((key, value) -> byLabel.computeIfAbsent(key, k -> new HashMap<>())
                    .computeIfAbsent(value, v -> new IntList()).add(index));
        }

        /**
         * Every object that can match, ascending: those with a value of the narrowest {@code In} requirement, or
         * all.
         */
        int[] candidates(LabelSelector selector) {
            LabelRequirement narrowest = null;
            for (LabelRequirement requirement : selector.requirements()) {
                if (requirement.operator() == LabelRequirement.Operator.IN
                        && (narrowest == null || requirement.values().size() < narrowest.values().size())) {
                    narrowest = requirement;
                }
            }
            if (narrowest == null) {
                return all.toArray();
            }
            Map<String, IntList> values = byLabel.getOrDefault(narrowest.key(), Map.of());
            IntList found = new IntList();
            for (String value : narrowest.values()) {
                IntList objects = values.get(value);
                if (objects != null) {
                    found.addAll(objects);
                }
            }
            int[] sorted = found.toArray();
            Arrays.sort(sorted);
            return sorted;
        }
    }

    /** A growable list of ints. */
    private static final class IntList {

        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(IntList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
