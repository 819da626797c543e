package dev.kordon.simulator.cilium;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small cluster and helpers for the Cilium engine's tests.
 *
 * <ul>
 *   <li>namespaces {@code shop} (team=shop), {@code other} (team=other), {@code kube-system};</li>
 *   <li>nodes {@code n1} (10.0.0.1, runs the kube-apiserver) and {@code n2} (10.0.0.2);</li>
 *   <li>{@code shop/web} (app=web, SA web, ports http 8080/TCP and dns 53/UDP, on n1), {@code shop/client}
 *       (app=client, SA client, n1), {@code shop/far} (app=client, SA far, n2), {@code other/client} (app=client,
 *       n2), {@code kube-system/coredns} (k8s-app=kube-dns, n2) and {@code kube-system/host-n1} (host network, n1).</li>
 * </ul>
 */
final class CiliumFixture {

    static final EnforcementProfile CILIUM = EnforcementProfile.of(EnforcementProfile.Cni.CILIUM,
            EnforcementProfile.Mesh.NONE);

    private CiliumFixture() {
    }

    static Cluster cluster() {
        return new Cluster(List.of(namespace("shop", "team", "shop"), namespace("other", "team", "other"),
                namespace("kube-system", "kubernetes.io/metadata.name", "kube-system")),
                List.of(new Node("n1", new TreeMap<>(), "10.0.0.1", true),
                        new Node("n2", new TreeMap<>(), "10.0.0.2", false)),
                List.of(pod("shop", "web", "app", "web", "10.1.0.10", "n1", "web", List.of(
                                new ContainerPort("http", 8080, "TCP"), new ContainerPort("dns", 53, "UDP"))),
                        pod("shop", "client", "app", "client", "10.1.0.11", "n1", "client", List.of()),
                        pod("shop", "far", "app", "client", "10.1.0.20", "n2", "far", List.of()),
                        pod("other", "client", "app", "client", "10.1.1.11", "n2", "default", List.of()),
                        pod("kube-system", "coredns", "k8s-app", "kube-dns", "10.1.2.2", "n2", "coredns", List.of(
                                new ContainerPort("dns", 53, "UDP"))),
                        new Pod("kube-system", "host-n1", new TreeMap<>(), "10.0.0.1", List.of(), "default", true,
                                "n1", "", Map.of())),
                List.of());
    }

    private static Namespace namespace(String name, String key, String value) {
        TreeMap<String, String> labels = new TreeMap<>(Map.of("kubernetes.io/metadata.name", name));
        labels.put(key, value);
        return new Namespace(name, labels);
    }

    private static Pod pod(String namespace, String name, String key, String value, String ip, String node,
            String account, List<ContainerPort> ports) {
        return new Pod(namespace, name, new TreeMap<>(Map.of(key, value)), ip, ports, account, false, node, "",
                Map.of());
    }

    static List<Manifest> manifests(String yaml) {
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read("policies.yaml", yaml, problems);
        problems.throwIfAny();
        return manifests;
    }

    static Simulator simulator(String yaml) {
        return simulator(yaml, CILIUM);
    }

    static Simulator simulator(String yaml, EnforcementProfile profile) {
        return Simulator.build(cluster(), manifests(yaml), profile);
    }

    /** Every problem building a simulator for these manifests reports. */
    static List<String> problems(String yaml) {
        try {
            simulator(yaml);
            return List.of();
        } catch (InputException e) {
            return e.problems().stream().map(InputProblem::toString).toList();
        }
    }

    /** {@code ns/pod}, {@code ip:A.B.C.D} (a node's address is that node), or {@code fqdn:NAME} (at 198.51.100.7). */
    static Endpoint endpoint(String text) {
        Cluster cluster = cluster();
        if (text.startsWith("ip:")) {
            String ip = text.substring(3);
            return cluster.nodeWithIp(ip).<Endpoint>map(Endpoint.OfNode::new).orElse(new Endpoint.External(ip, ""));
        }
        if (text.startsWith("fqdn:")) {
            return new Endpoint.External("198.51.100.7", text.substring(5));
        }
        return new Endpoint.OfPod(cluster.pod(text).orElseThrow(() -> new IllegalArgumentException(text)));
    }

    static Verdict decide(Simulator simulator, String from, String to, Transport transport, int port) {
        return simulator.decide(Flow.of(endpoint(from), endpoint(to), transport, port));
    }

    static Verdict ping(Simulator simulator, String from, String to) {
        return simulator.decide(Flow.icmp(endpoint(from), endpoint(to), Transport.ICMP, 8));
    }

    static Verdict http(Simulator simulator, String from, String to, int port, String method, String path,
            Map<String, String> headers) {
        return simulator.decide(Flow.of(endpoint(from), endpoint(to), Transport.TCP, port)
                .withHttp(new HttpRequest(method, path, "", headers, Optional.empty())));
    }

    /** The steps of one direction, one line each. */
    static List<String> steps(Verdict verdict, String direction) {
        return verdict.steps().stream().filter(step -> step.direction().equals(direction)).map(Step::toString)
                .toList();
    }

    /** The reason of the last step of one direction. */
    static String last(Verdict verdict, String direction) {
        List<Step> steps = verdict.steps().stream().filter(step -> step.direction().equals(direction)).toList();
        return steps.get(steps.size() - 1).reason();
    }
}
