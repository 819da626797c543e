package dev.kordon.simulator.reference;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.HeaderMatch;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.Workload;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.cluster.SyntheticAddresses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The grid of flows on which an intent and a target's generated manifests are compared: every ordered pair of pods,
 * the nodes and an external address, on the ports that matter, with sample HTTP requests where intents restrict
 * them. Also the smallest cluster that policy sets describe, for sets tested without a cluster of their own.
 */
public final class ProbeGrid {

    /** The external address probed (TEST-NET-3, documentation only). */
    public static final String EXTERNAL_IP = "203.0.113.10";
    /** The node every pod of {@link #clusterOf} runs on. */
    public static final String NODE_IP = "192.168.10.1";
    /** A node that runs no pod. */
    public static final String REMOTE_NODE_IP = "192.168.10.2";
    /** A TCP port no intent and no workload names. */
    public static final int UNDECLARED_PORT = 7777;

    /** A request that no HTTP rule of Kordon's samples matches: {@code GET /kordon/matches-no-rule}. */
    public static final HttpRequest MATCHES_NO_RULE = new HttpRequest("GET", "/kordon/matches-no-rule", "", Map.of(),
            Optional.empty());

    private ProbeGrid() {
    }

    /**
     * One pod per workload of the sets (with the workload's labels, service account and named ports), kube-dns in
     * {@code kube-system}, the namespaces they live in (labelled with their name), a node {@code node-1} running every
     * pod and a node {@code node-2} running none.
     */
    public static Cluster clusterOf(Collection<PolicySet> sets) {
        Map<String, Pod> pods = new TreeMap<>();
        Set<String> namespaces = new TreeSet<>();
        for (PolicySet set : sets) {
            for (Workload workload : set.workloads()) {
                List<ContainerPort> ports = new ArrayList<>();
                workload.ports().forEach((name, port) -> ports.add(new ContainerPort(name, port.port(),
                        port.protocol().name())));
                pods.putIfAbsent(workload.namespace() + "/" + workload.name(), new Pod(workload.namespace(),
                        workload.name(), labelsOf(workload), "", ports, workload.serviceAccount().orElse("default"),
                        false, "node-1", "", Map.of()));
                namespaces.add(workload.namespace());
            }
        }
        pods.putIfAbsent("kube-system/kube-dns", new Pod("kube-system", "kube-dns",
                new TreeMap<>(Map.of("k8s-app", "kube-dns")), "", List.of(new ContainerPort("dns", 53, "UDP"),
                new ContainerPort("dns-tcp", 53, "TCP")), "coredns", false, "node-1", "", Map.of()));
        namespaces.add("kube-system");
        List<Namespace> namespaceList = new ArrayList<>();
        for (String name : namespaces) {
            namespaceList.add(new Namespace(name, new TreeMap<>(Map.of("kubernetes.io/metadata.name", name))));
        }
        Node node = new Node("node-1", new TreeMap<>(Map.of("kubernetes.io/hostname", "node-1")), NODE_IP, false);
        Node remote = new Node("node-2", new TreeMap<>(Map.of("kubernetes.io/hostname", "node-2")), REMOTE_NODE_IP,
                false);
        return new Cluster(namespaceList, List.of(node, remote), SyntheticAddresses.assign(List.copyOf(pods.values())),
                List.of());
    }

    /** Labels that the workload's selector matches: each {@code In} at its first value, each {@code Exists} set. */
    private static TreeMap<String, String> labelsOf(Workload workload) {
        TreeMap<String, String> labels = new TreeMap<>();
        for (LabelRequirement requirement : workload.selector().requirements()) {
            switch (requirement.operator()) {
                case IN -> labels.put(requirement.key(), requirement.values().get(0));
                case EXISTS -> labels.put(requirement.key(), "present");
                default -> {
                }
            }
        }
        return labels;
    }

    private record L4(Transport transport, int port) {
    }

    /**
     * Every ordered pair of pods (and every node and the external address as sources; the nodes and the external
     * address as destinations of every pod) on every declared port of the destination, every port an intent names,
     * and {@link #UNDECLARED_PORT}; on ports that an intent restricts with HTTP rules, also a request matching each
     * rule and one matching none. Host-network pods are probed as sources and destinations like the others.
     */
    public static List<Flow> probes(Cluster cluster, Collection<PolicySet> sets) {
        List<Endpoint> pods = new ArrayList<>();
        cluster.pods().forEach(pod -> pods.add(new Endpoint.OfPod(pod)));
        List<Endpoint> others = new ArrayList<>();
        cluster.nodes().forEach(node -> others.add(new Endpoint.OfNode(node)));
        others.add(new Endpoint.External(EXTERNAL_IP, ""));
        List<Connection> connections = sets.stream().flatMap(set -> set.connections().stream()).toList();
        Set<L4> named = new LinkedHashSet<>();
        for (Connection connection : connections) {
            for (PortMatch port : connection.ports()) {
                if (port instanceof PortNumber) {
                    named.add(new L4(Transport.valueOf(((PortNumber) port).protocol().name()),
                            ((PortNumber) port).port()));
                }
            }
        }
        List<Flow> flows = new ArrayList<>();
        for (Endpoint destination : pods) {
            Pod pod = ((Endpoint.OfPod) destination).pod();
            Set<L4> ports = new LinkedHashSet<>();
            pod.ports().forEach(p -> ports.add(new L4(Transport.valueOf(p.protocol()), p.port())));
            ports.addAll(named);
            ports.add(new L4(Transport.TCP, UNDECLARED_PORT));
            List<Endpoint> sources = new ArrayList<>(pods);
            sources.remove(destination);
            sources.addAll(others);
            for (Endpoint source : sources) {
                for (L4 l4 : ports) {
                    Flow flow = Flow.of(source, destination, l4.transport(), l4.port());
                    flows.add(flow);
                    for (HttpRequest request : requests(connections, pod, l4)) {
                        flows.add(flow.withHttp(request));
                    }
                }
            }
        }
        for (Endpoint source : pods) {
            for (Endpoint destination : others) {
                for (int port : List.of(443, UNDECLARED_PORT)) {
                    flows.add(Flow.of(source, destination, Transport.TCP, port));
                }
            }
        }
        return flows;
    }

    /**
     * The names of the intents that can decide the flow at one of its sides: connections enforced at the source pod
     * for egress or at the destination pod for ingress, and the isolations naming them. A change in any other intent
     * cannot change the verdict.
     */
    public static Set<String> involved(ReferenceSemantics reference, Collection<PolicySet> sets, Flow flow) {
        Set<String> names = new TreeSet<>();
        for (PolicySet set : sets) {
            for (Connection connection : set.connections()) {
                if (connection.effectiveSides().contains(Direction.EGRESS)
                        && enforcedAt(reference, connection.sources(), flow.source())
                        || connection.effectiveSides().contains(Direction.INGRESS)
                        && enforcedAt(reference, connection.destinations(), flow.destination())) {
                    names.add(connection.name());
                }
            }
            for (Isolation isolation : set.isolations()) {
                if (isolation.directions().contains(Direction.EGRESS)
                        && enforcedAt(reference, isolation.subjects(), flow.source())
                        || isolation.directions().contains(Direction.INGRESS)
                        && enforcedAt(reference, isolation.subjects(), flow.destination())) {
                    names.add(isolation.name());
                }
            }
        }
        return names;
    }

    /**
     * Whether the flow runs between a pod and the node it runs on. Kubernetes NetworkPolicy implementations and
     * Cilium always allow such traffic whatever the policies say (docs/backends.md), so the intent, which does not
     * model it, is not compared with a target on these flows.
     */
    public static boolean isNodeLocal(Flow flow) {
        return flow.source() instanceof Endpoint.OfNode && flow.destination() instanceof Endpoint.OfPod
                && ((Endpoint.OfPod) flow.destination()).pod().node()
                        .equals(((Endpoint.OfNode) flow.source()).node().name())
                || flow.destination() instanceof Endpoint.OfNode && flow.source() instanceof Endpoint.OfPod
                && ((Endpoint.OfPod) flow.source()).pod().node()
                        .equals(((Endpoint.OfNode) flow.destination()).node().name());
    }

    private static boolean enforcedAt(ReferenceSemantics reference, List<Peer> subjects, Endpoint endpoint) {
        return subjects.stream().anyMatch(peer -> peer.isPods() && reference.matches(peer, endpoint));
    }

    /** A request matching each HTTP rule of an intent that restricts this port of this pod, and one matching none. */
    private static List<HttpRequest> requests(List<Connection> connections, Pod destination, L4 l4) {
        Map<String, HttpRequest> requests = new LinkedHashMap<>();
        for (Connection connection : connections) {
            if (connection.http().isEmpty() || l4.transport() != Transport.TCP || !covers(connection, destination,
                    l4)) {
                continue;
            }
            sampleRequests(connection).forEach(request -> requests.put(request.toString(), request));
        }
        return List.copyOf(requests.values());
    }

    /**
     * The sample requests for a connection with HTTP rules: one matching each rule ({@link #requestMatching}), then
     * {@link #MATCHES_NO_RULE}; none for a connection without HTTP rules.
     */
    public static List<HttpRequest> sampleRequests(Connection connection) {
        if (connection.http().isEmpty()) {
            return List.of();
        }
        List<HttpRequest> requests = new ArrayList<>();
        for (HttpRule rule : connection.http()) {
            requests.add(requestMatching(rule));
        }
        requests.add(MATCHES_NO_RULE);
        return requests;
    }

    private static boolean covers(Connection connection, Pod destination, L4 l4) {
        Flow flow = Flow.of(new Endpoint.OfPod(destination), new Endpoint.OfPod(destination), l4.transport(),
                l4.port());
        return connection.ports().stream().anyMatch(port -> ReferenceSemantics.matches(port, flow));
    }

    /**
     * A request that the rule matches: its first method (or GET), its first path with each {@code *} as {@code x}
     * (or {@code /}), its first host with {@code *} as {@code a}, and its headers.
     */
    public static HttpRequest requestMatching(HttpRule rule) {
        String method = rule.methods().isEmpty() ? "GET" : rule.methods().get(0).token();
        String path = rule.paths().isEmpty() ? "/" : rule.paths().get(0).glob().replace("*", "x");
        String host = rule.hosts().isEmpty() ? "" : rule.hosts().get(0).replace("*", "a");
        Map<String, String> headers = new TreeMap<>();
        for (HeaderMatch header : rule.headers()) {
            headers.put(header.name(), header instanceof HeaderMatch.Equals ? ((HeaderMatch.Equals) header).value()
                    : "present");
        }
        return new HttpRequest(method, path, host, headers, Optional.empty());
    }
}
