package dev.kordon.simulator.generic;

import dev.kordon.dsl.Cidr;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.engine.Allowances;
import dev.kordon.simulator.engine.MatrixProbes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NetworkPolicy tier stated per rule, for a cluster with no cluster-wide policies: a pod isolated in a direction
 * allows what the rules of its isolating policies allow, plus everything to and from its own node; any other pod is
 * not enforced. The same semantics as {@link NetworkPolicyTier} and {@link RuleMatcher}, computed once per rule for
 * every probe instead of once per flow: a rule's peers are matched as sets, and its ports as one bit per probed port.
 */
final class NetworkPolicyAllowances {

    private final Cluster cluster;
    private final EnforcementProfile profile;
    private final List<NetworkPolicy> policies;
    private final MatrixProbes probes;
    private final ProbeIndex index;
    private final Map<Integer, Integer> intervalByStart = new LinkedHashMap<>();

    NetworkPolicyAllowances(Cluster cluster, EnforcementProfile profile, List<NetworkPolicy> policies,
            MatrixProbes probes) {
        this.cluster = cluster;
        this.profile = profile;
        this.policies = policies.stream().sorted(Comparator.comparing(NetworkPolicy::resource)).toList();
        this.probes = probes;
        this.index = new ProbeIndex(cluster, probes);
        for (int i = 0; i < probes.portStarts().size(); i++) {
            intervalByStart.put(probes.portStarts().get(i), i);
        }
    }

    /** The allowances of a direction, or empty when a rule has a peer kind this form does not state. */
    Optional<Allowances> of(Allowances.Direction side) {
        Direction direction = side == Allowances.Direction.INGRESS ? Direction.INGRESS : Direction.EGRESS;
        BitSet enforced = new BitSet();
        List<Allowances.Grant> grants = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            if (!policy.isolates(direction)) {
                continue;
            }
            BitSet selected = index.pods(policy.namespace(), policy.podSelector());
            if (selected.isEmpty()) {
                continue;
            }
            enforced.or(selected);
            for (NetworkPolicy.Rule rule : policy.rules(direction)) {
                if (!grant(rule, direction, selected, grants)) {
                    return Optional.empty();
                }
            }
        }
        // Traffic between a pod and its own node is always allowed.
        long[] everything = probes.everything();
        enforced.stream().forEach(subject -> {
            Pod pod = ((Endpoint.OfPod) index.peer(subject)).pod();
            Optional<Node> node = cluster.node(pod.node());
            if (node.isPresent() && !index.withAddress(node.get().ip()).isEmpty()) {
                BitSet peers = new BitSet();
                index.withAddress(node.get().ip()).forEach(peers::set);
                grants.add(new Allowances.Grant(new int[] {subject}, peers, everything));
            }
        });
        return Optional.of(new Allowances(side, enforced, grants));
    }

    /** Adds the grants of one rule for the selected subjects; false when a peer cannot be stated as a set. */
    private boolean grant(NetworkPolicy.Rule rule, Direction direction, BitSet selected,
            List<Allowances.Grant> grants) {
        BitSet podPeers = new BitSet();
        BitSet peers = new BitSet();
        if (rule.peers().isEmpty()) {
            peers.set(0, index.size());
            podPeers.set(0, index.size());
        }
        for (Peer peer : rule.peers()) {
            if (peer instanceof Peer.Pods pods) {
                podPeers.or(pods(pods));
            } else if (peer instanceof Peer.Addresses addresses) {
                peers.or(addresses(addresses));
            } else if (!(peer instanceof Peer.FailClosed)) {
                return false;
            }
        }
        peers.or(podPeers);
        if (peers.isEmpty()) {
            return true;
        }
        int[] subjects = selected.stream().toArray();
        add(grants, subjects, peers, numbers(rule.ports()));
        List<PortMatch.Named> named = rule.ports().stream().filter(PortMatch.Named.class::isInstance)
                .map(PortMatch.Named.class::cast).toList();
        if (named.isEmpty()) {
            return true;
        }
        // Named ports resolve on the destination: the subject for ingress, for egress a pod peer (or any peer when
        // the rule names none), never a peer matched only by an address.
        if (direction == Direction.INGRESS) {
            byResolution(subjects, named).forEach(group -> add(grants, group.pods(), peers, group.ports()));
        } else {
            int[] destinations = podPeers.stream().filter(i -> index.peer(i) instanceof Endpoint.OfPod).toArray();
            byResolution(destinations, named).forEach(group -> {
                BitSet to = new BitSet();
                Arrays.stream(group.pods()).forEach(to::set);
                add(grants, subjects, to, group.ports());
            });
        }
        return true;
    }

    private static void add(List<Allowances.Grant> grants, int[] subjects, BitSet peers, long[] ports) {
        if (Arrays.stream(ports).anyMatch(word -> word != 0)) {
            grants.add(new Allowances.Grant(subjects, peers, ports));
        }
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
