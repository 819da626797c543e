package dev.kordon.simulator.generic;

import dev.kordon.dsl.Cidr;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.engine.MatrixProbes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of every tier stated as sets over the probes of a connectivity matrix: the peers a rule names (pods
 * through the {@link ProbeIndex}, addresses through sorted addresses, nodes and domain names by checking every probe
 * with {@link PeerMatcher}, each candidate checked with the predicate a decision uses) and the probed connections its
 * ports match, named ports resolved on the destination pod as {@link RuleMatcher} resolves them: the subject for
 * ingress; for egress a pod peer, never a peer matched only by an address.
 */
final class RuleSets {

    private final EnforcementProfile profile;
    private final MatrixProbes probes;
    private final ProbeIndex index;
    private final PeerMatcher matcher;
    private final Map<Integer, Integer> intervalByStart = new HashMap<>();

    RuleSets(Cluster cluster, EnforcementProfile profile, MatrixProbes probes) {
        this.profile = profile;
        this.probes = probes;
        this.index = new ProbeIndex(cluster, probes);
        this.matcher = new PeerMatcher(cluster, profile);
        for (int i = 0; i < probes.portStarts().size(); i++) {
            intervalByStart.put(probes.portStarts().get(i), i);
        }
    }

    /** The probes. */
    MatrixProbes probes() {
        return probes;
    }

    /** The probes, indexed. */
    ProbeIndex index() {
        return index;
    }

    /**
     * One part of a rule: the subjects and the peers it names, and the connections it matches between them.
     *
     * @param subjects the peer indexes of the subjects, ascending
     * @param peers    the peer indexes named
     * @param ports    the connections matched (a bit set laid out as {@link MatrixProbes} says)
     */
    record Part(int[] subjects, BitSet peers, long[] ports) {
    }

    /**
     * A rule as parts: its numbered ports toward every peer it names (every peer when it lists none), then its named
     * ports per group of destination pods that resolve them alike. Parts that name no peer or no port are left out.
     */
    List<Part> parts(List<Peer> rulePeers, List<PortMatch> rulePorts, Direction direction, int[] subjects) {
        BitSet podPeers = new BitSet();
        BitSet peers = new BitSet();
        if (rulePeers.isEmpty()) {
            peers.set(0, index.size());
            podPeers.set(0, index.size());
        }
        for (Peer peer : rulePeers) {
            if (peer instanceof Peer.Pods pods) {
                podPeers.or(pods(pods));
            } else if (peer instanceof Peer.Addresses addresses) {
                peers.or(addresses(addresses));
            } else {
                peers.or(scanned(peer));
            }
        }
        peers.or(podPeers);
        List<Part> parts = new ArrayList<>();
        if (peers.isEmpty()) {
            return parts;
        }
        add(parts, subjects, peers, numbers(rulePorts));
        List<PortMatch.Named> named = rulePorts.stream().filter(PortMatch.Named.class::isInstance)
                .map(PortMatch.Named.class::cast).toList();
        if (named.isEmpty()) {
            return parts;
        }
        if (direction == Direction.INGRESS) {
            byResolution(subjects, named).forEach(group -> add(parts, group.pods(), peers, group.ports()));
        } else {
            int[] destinations = podPeers.stream().filter(i -> index.peer(i) instanceof Endpoint.OfPod ofPod
                    && !ofPod.pod().hostNetwork()).toArray();
            byResolution(destinations, named).forEach(group -> {
                BitSet to = new BitSet();
                Arrays.stream(group.pods()).forEach(to::set);
                add(parts, subjects, to, group.ports());
            });
        }
        return parts;
    }

    private static void add(List<Part> parts, int[] subjects, BitSet peers, long[] ports) {
        if (subjects.length > 0 && Arrays.stream(ports).anyMatch(word -> word != 0)) {
            parts.add(new Part(subjects, peers, ports));
        }
    }

    /** The pods (never host-network ones) a cluster-wide policy's subject selects. */
    BitSet subjects(Subject subject) {
        BitSet selected = new BitSet();
        index.namespaces(subject.namespaces()).forEach(namespace -> index.addPods(namespace, subject.pods(),
                selected));
        return selected;
    }

    /** The pods a pod peer selects (never host-network ones). */
    private BitSet pods(Peer.Pods peer) {
        List<String> namespaces = peer.namespaces() instanceof Peer.SameNamespace same ? List.of(same.name())
                : index.namespaces(((Peer.SelectedNamespaces) peer.namespaces()).selector());
        BitSet selected = new BitSet();
        namespaces.forEach(namespace -> index.addPods(namespace, peer.pods(), selected));
        return selected;
    }

    /** The probes an address peer contains: in a block, in no exception, and a pod only if the profile says so. */
    private BitSet addresses(Peer.Addresses peer) {
        BitSet contained = new BitSet();
        peer.cidrs().forEach(cidr -> contained.or(index.addresses(cidr)));
        contained.stream().forEach(i -> {
            Endpoint end = index.peer(i);
            boolean pod = end instanceof Endpoint.OfPod ofPod && !ofPod.pod().hostNetwork();
            if ((pod && !profile.ipBlockSelectsPods()) || excepted(peer, end)) {
                contained.clear(i);
            }
        });
        return contained;
    }

    private static boolean excepted(Peer.Addresses peer, Endpoint end) {
        for (Cidr except : peer.except()) {
            if (except.containsAddress(end.ip())) {
                return true;
            }
        }
        return false;
    }

    /** The probes any other peer (nodes, domain names, one that fails closed) matches, each probe checked. */
    private BitSet scanned(Peer peer) {
        BitSet matched = new BitSet();
        for (int i = 0; i < index.size(); i++) {
            if (matcher.match(peer, index.peer(i)).ok()) {
                matched.set(i);
            }
        }
        return matched;
    }

    /** The probed ports the numbered entries contain; every port and ICMP when the list is empty. */
    private long[] numbers(List<PortMatch> ports) {
        if (ports.isEmpty()) {
            return probes.everything();
        }
        long[] bits = new long[probes.words()];
        for (PortMatch entry : ports) {
            if (entry instanceof PortMatch.Numbers numbers) {
                for (int i = 0; i < probes.portStarts().size(); i++) {
                    if (numbers.contains(numbers.protocol(), probes.portStarts().get(i))) {
                        set(bits, probes.bit(numbers.protocol(), i));
                    }
                }
            }
        }
        return bits;
    }

    /** The pods grouped by the probed ports their container ports give the named entries. */
    private List<Resolution> byResolution(int[] pods, List<PortMatch.Named> named) {
        Map<List<Long>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i : pods) {
            long[] bits = resolve(((Endpoint.OfPod) index.peer(i)).pod(), named);
            groups.computeIfAbsent(Arrays.stream(bits).boxed().toList(), key -> new ArrayList<>()).add(i);
        }
        List<Resolution> result = new ArrayList<>();
        groups.forEach((bits, group) -> result.add(new Resolution(group.stream().mapToInt(Integer::intValue)
                .toArray(), bits.stream().mapToLong(Long::longValue).toArray())));
        return result;
    }

    /** Pods whose container ports give the named entries the same probed ports. */
    private record Resolution(int[] pods, long[] ports) {
    }

    /** The probed ports of the pod's container ports that the named entries name, as PortMatcher resolves them. */
    private long[] resolve(Pod pod, List<PortMatch.Named> named) {
        long[] bits = new long[probes.words()];
        for (PortMatch.Named entry : named) {
            for (Transport transport : entry.protocols()) {
                Optional<ContainerPort> declared = pod.namedPort(entry.name(), transport.name());
                if (declared.isEmpty()) {
                    continue;
                }
                if (transport == Transport.ICMP && declared.get().port() == 0) {
                    set(bits, probes.icmpBit());
                } else if (MatrixProbes.PROTOCOLS.contains(transport)
                        && intervalByStart.containsKey(declared.get().port())) {
                    set(bits, probes.bit(transport, intervalByStart.get(declared.get().port())));
                }
            }
        }
        return bits;
    }

    private static void set(long[] bits, int bit) {
        bits[bit >>> 6] |= 1L << bit;
    }
}
