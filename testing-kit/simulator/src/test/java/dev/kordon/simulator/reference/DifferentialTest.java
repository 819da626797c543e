package dev.kordon.simulator.reference;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.FidelityReport;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Generator;
import dev.kordon.generators.Target;
import dev.kordon.generators.Targets;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.cluster.SyntheticAddresses;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential tests: each policy set is generated for every target that can enforce it, the manifests are read back
 * and simulated with that target's enforcement profile, and the simulated verdicts are compared with
 * {@link ReferenceSemantics} over a grid of probes. Where the fidelity report has no entry for the intents involved
 * in a flow (see {@link #involved}), the verdicts must be equal; where those entries all go one way, the difference
 * may only go that way (widened: the simulation allows a superset; narrowed: a subset); mixed entries are not
 * compared.
 */
class DifferentialTest {

    static final String EXTERNAL_IP = "203.0.113.10";
    static final String NODE_IP = "192.168.10.1";
    static final String REMOTE_NODE_IP = "192.168.10.2";

    @TestFactory
    Stream<DynamicTest> onlineBoutique() {
        return perTarget("online-boutique", PolicySets::onlineBoutique);
    }

    @TestFactory
    Stream<DynamicTest> productCard() {
        return perTarget("product-card", PolicySets::productCard);
    }

    @TestFactory
    Stream<DynamicTest> productCardWithDowngrades() {
        return perTarget("product-card-downgrades", PolicySets::productCardWithDowngrades);
    }

    @TestFactory
    Stream<DynamicTest> small() {
        return perTarget("small", PolicySets::small);
    }

    @TestFactory
    Stream<DynamicTest> smallForCilium() {
        return perTarget("small-cilium", PolicySets::smallForCilium);
    }

    @TestFactory
    Stream<DynamicTest> smallWithoutDeny() {
        return perTarget("small-no-deny", PolicySets::smallWithoutDeny);
    }

    private static Stream<DynamicTest> perTarget(String label, Supplier<PolicySet> sets) {
        PolicySet set = sets.get();
        Generator generator = new Generator();
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : Targets.ids()) {
            Target target = Targets.parse(id);
            FidelityReport report = generator.assess(List.of(set), target);
            if (!report.isAcceptable()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(label + " on " + id, () -> compare(label, generator, set, target, report)));
        }
        assertThat(tests).as("targets that can enforce %s", label).isNotEmpty();
        return tests.stream();
    }

    private static void compare(String label, Generator generator, PolicySet set, Target target, FidelityReport report) {
        Cluster cluster = cluster(set);
        Generation generation = generator.generate(List.of(set), target);
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read(target.id() + ".yaml", generation.stream(), problems);
        problems.throwIfAny();
        Simulator simulator = Simulator.build(cluster, manifests, profile(target.id()));
        ReferenceSemantics reference = ReferenceSemantics.of(cluster, set);

        List<String> disagreements = new ArrayList<>();
        int probes = 0;
        int exact = 0;
        for (Flow flow : probes(cluster, set)) {
            if (KnownDisagreements.skip(target.id(), flow)) {
                continue;
            }
            probes++;
            Set<String> involved = involved(reference, set, flow);
            Set<Fidelity> directions = EnumSet.noneOf(Fidelity.class);
            report.entries().stream().filter(entry -> involved.contains(entry.intent()))
                    .map(FidelityEntry::fidelity).forEach(directions::add);
            if (directions.isEmpty()) {
                exact++;
            }
            Verdict expected = reference.decide(flow);
            Verdict simulated = simulator.decide(flow);
            boolean ok;
            if (directions.isEmpty()) {
                ok = expected.allowed() == simulated.allowed() && !simulated.ambiguous();
            } else if (directions.equals(EnumSet.of(Fidelity.WIDENED))) {
                ok = !expected.allowed() || simulated.allowed();
            } else if (directions.equals(EnumSet.of(Fidelity.NARROWED))) {
                ok = expected.allowed() || !simulated.allowed();
            } else {
                ok = true;
            }
            if (!ok) {
                disagreements.add("fidelity of the intents involved " + (directions.isEmpty() ? "exact"
                        : directions.toString()) + "\nreference:\n  " + expected.explain().replace("\n", "\n  ") + "\nsimulated ("
                        + target.id() + "):\n  " + simulated.explain().replace("\n", "\n  "));
            }
        }
        System.out.println("differential " + label + " on " + target.id() + ": " + probes + " probes ("
                + exact + " compared for equality), " + disagreements.size() + " disagreements");
        assertThat(disagreements).as("disagreements between the reference and %s (report: %s)", target.id(),
                report.text()).isEmpty();
    }

    /**
     * The intents that can decide the flow at one of its sides: those enforced at the source pod for egress or at the
     * destination pod for ingress, and the isolations naming them. A downgrade of any other intent cannot change
     * the verdict, so the flow is compared for equality unless one of these is reported as not exact.
     */
    static Set<String> involved(ReferenceSemantics reference, PolicySet set, Flow flow) {
        Set<String> names = new TreeSet<>();
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
        return names;
    }

    private static boolean enforcedAt(ReferenceSemantics reference, List<Peer> subjects, Endpoint endpoint) {
        return subjects.stream().anyMatch(peer -> peer.isPods() && reference.matches(peer, endpoint));
    }

    static EnforcementProfile profile(String targetId) {
        EnforcementProfile.Mesh mesh = targetId.endsWith("+istio") ? EnforcementProfile.Mesh.ISTIO
                : EnforcementProfile.Mesh.NONE;
        EnforcementProfile.Cni cni = targetId.startsWith("calico") ? EnforcementProfile.Cni.CALICO
                : targetId.startsWith("cilium") ? EnforcementProfile.Cni.CILIUM : EnforcementProfile.Cni.GENERIC;
        return EnforcementProfile.of(cni, mesh);
    }

    // ---- the cluster -------------------------------------------------------------------------------------------

    /** One pod per workload of the set (plus kube-dns), one node and the namespaces they live in. */
    static Cluster cluster(PolicySet set) {
        List<Pod> pods = new ArrayList<>();
        Set<String> namespaces = new TreeSet<>();
        for (Workload workload : set.workloads()) {
            List<ContainerPort> ports = new ArrayList<>();
            workload.ports().forEach((name, port) -> ports.add(new ContainerPort(name, port.port(),
                    port.protocol().name())));
            pods.add(new Pod(workload.namespace(), workload.name(), labelsOf(workload), "", ports,
                    workload.serviceAccount().orElse("default"), false, "node-1", "", Map.of()));
            namespaces.add(workload.namespace());
        }
        pods.add(new Pod("kube-system", "kube-dns", new TreeMap<>(Map.of("k8s-app", "kube-dns")), "",
                List.of(new ContainerPort("dns", 53, "UDP"), new ContainerPort("dns-tcp", 53, "TCP")), "coredns",
                false, "node-1", "", Map.of()));
        namespaces.add("kube-system");
        List<Namespace> namespaceList = new ArrayList<>();
        for (String name : namespaces) {
            namespaceList.add(new Namespace(name, new TreeMap<>(Map.of("kubernetes.io/metadata.name", name))));
        }
        Node node = new Node("node-1", new TreeMap<>(Map.of("kubernetes.io/hostname", "node-1")), NODE_IP, false);
        Node remote = new Node("node-2", new TreeMap<>(Map.of("kubernetes.io/hostname", "node-2")), REMOTE_NODE_IP,
                false);
        return new Cluster(namespaceList, List.of(node, remote), SyntheticAddresses.assign(pods), List.of());
    }

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

    // ---- the probes --------------------------------------------------------------------------------------------

    record L4(Transport transport, int port) {
    }

    /**
     * Every ordered pair of pods (and the two nodes, one hosting every pod and one hosting none, and the external
     * address as sources; the nodes and the external address as destinations of every pod) on every declared port of the destination, every port an intent names,
     * and one undeclared port; on ports that an intent restricts with HTTP rules, also a request matching each rule
     * and one matching none.
     */
    static List<Flow> probes(Cluster cluster, PolicySet set) {
        List<Endpoint> pods = new ArrayList<>();
        cluster.pods().forEach(pod -> pods.add(new Endpoint.OfPod(pod)));
        Endpoint node = new Endpoint.OfNode(cluster.nodes().get(0));
        Endpoint remoteNode = new Endpoint.OfNode(cluster.nodes().get(1));
        Endpoint external = new Endpoint.External(EXTERNAL_IP, "");
        Set<L4> named = new LinkedHashSet<>();
        for (Connection connection : set.connections()) {
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
            ports.add(new L4(Transport.TCP, 7777));
            List<Endpoint> sources = new ArrayList<>(pods);
            sources.remove(destination);
            sources.add(node);
            sources.add(remoteNode);
            sources.add(external);
            for (Endpoint source : sources) {
                for (L4 l4 : ports) {
                    Flow flow = Flow.of(source, destination, l4.transport(), l4.port());
                    flows.add(flow);
                    for (HttpRequest request : requests(set, pod, l4)) {
                        flows.add(flow.withHttp(request));
                    }
                }
            }
        }
        for (Endpoint source : pods) {
            for (Endpoint destination : List.of(node, remoteNode, external)) {
                for (int port : List.of(443, 7777)) {
                    flows.add(Flow.of(source, destination, Transport.TCP, port));
                }
            }
        }
        return flows;
    }

    /** A request matching each HTTP rule of an intent that restricts this port of this pod, and one matching none. */
    private static List<HttpRequest> requests(PolicySet set, Pod destination, L4 l4) {
        Map<String, HttpRequest> requests = new LinkedHashMap<>();
        for (Connection connection : set.connections()) {
            if (connection.http().isEmpty() || l4.transport() != Transport.TCP || !covers(connection, destination,
                    l4)) {
                continue;
            }
            for (HttpRule rule : connection.http()) {
                HttpRequest matching = matching(rule);
                requests.put(matching.toString(), matching);
            }
            HttpRequest none = new HttpRequest("GET", "/kordon/matches-no-rule", "", Map.of(), Optional.empty());
            requests.put(none.toString(), none);
        }
        return List.copyOf(requests.values());
    }

    private static boolean covers(Connection connection, Pod destination, L4 l4) {
        Flow flow = Flow.of(new Endpoint.OfPod(destination), new Endpoint.OfPod(destination), l4.transport(),
                l4.port());
        return connection.ports().stream().anyMatch(port -> ReferenceSemantics.matches(port, flow));
    }

    private static HttpRequest matching(HttpRule rule) {
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
