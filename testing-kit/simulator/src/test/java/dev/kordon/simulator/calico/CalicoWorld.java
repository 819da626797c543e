package dev.kordon.simulator.calico;

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
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.cluster.ServiceAccount;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A small cluster and its policies for the calico engine's tests, built fluently; flows are decided by name. */
final class CalicoWorld {

    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();
    private final List<ServiceAccount> accounts = new ArrayList<>();
    private EnforcementProfile profile = EnforcementProfile.of(EnforcementProfile.Cni.CALICO,
            EnforcementProfile.Mesh.NONE);
    private Simulator simulator;

    static CalicoWorld create() {
        return new CalicoWorld();
    }

    /** A namespace with labels written {@code k=v}; its name label is added. */
    CalicoWorld namespace(String name, String... labels) {
        TreeMap<String, String> map = labels(labels);
        map.put("kubernetes.io/metadata.name", name);
        namespaces.add(new Namespace(name, map));
        return this;
    }

    /** A pod {@code ns/name} with an address and labels written {@code k=v}; service account default. */
    CalicoWorld pod(String id, String ip, String... labels) {
        return pod(id, ip, "default", List.of(), Map.of(), labels);
    }

    /** A pod with a service account and named container ports ({@code name:port/PROTO}). */
    CalicoWorld pod(String id, String ip, String serviceAccount, List<String> ports, Map<String, Object> extra,
            String... labels) {
        String[] parts = id.split("/");
        List<ContainerPort> containerPorts = new ArrayList<>();
        for (String port : ports) {
            String[] nameRest = port.split(":");
            String[] numberProtocol = nameRest[1].split("/");
            containerPorts.add(new ContainerPort(nameRest[0], Integer.parseInt(numberProtocol[0]), numberProtocol[1]));
        }
        pods.add(new Pod(parts[0], parts[1], labels(labels), ip, containerPorts, serviceAccount, false, "", "",
                extra));
        return this;
    }

    /** A host-networked pod. */
    CalicoWorld hostNetworkPod(String id, String ip, String... labels) {
        String[] parts = id.split("/");
        pods.add(new Pod(parts[0], parts[1], labels(labels), ip, List.of(), "default", true, "node-1", "",
                Map.of()));
        return this;
    }

    CalicoWorld serviceAccount(String namespace, String name, String... labels) {
        accounts.add(new ServiceAccount(namespace, name, labels(labels)));
        return this;
    }

    /** Application Layer Policy with the HTTP prefix matching of Calico before v3.31.7. */
    CalicoWorld applicationLayerPolicyBefore3317() {
        profile = new EnforcementProfile(profile.cni(), profile.mesh(), true, profile.ipBlockSelectsPods(),
                profile.ciliumPolicyEnforcement(), EnforcementProfile.CalicoPrefixMatching.RAW);
        return this;
    }

    CalicoWorld applicationLayerPolicy() {
        profile = new EnforcementProfile(profile.cni(), profile.mesh(), true, profile.ipBlockSelectsPods());
        return this;
    }

    CalicoWorld cidrsDoNotSelectPods() {
        profile = new EnforcementProfile(profile.cni(), profile.mesh(), profile.calicoApplicationLayerPolicy(), false);
        return this;
    }

    Cluster cluster() {
        return new Cluster(namespaces, List.of(), pods, accounts);
    }

    /** Builds the simulator over these policies (multi-document YAML). */
    CalicoWorld policies(String yaml) {
        simulator = Simulator.build(cluster(), manifests(yaml), profile);
        return this;
    }

    /** The problems of building the simulator over these policies, or none. */
    List<InputProblem> problems(String yaml) {
        try {
            Simulator.build(cluster(), manifests(yaml), profile);
            return List.of();
        } catch (InputException e) {
            return e.problems();
        }
    }

    private static List<Manifest> manifests(String yaml) {
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read("policies.yaml", yaml, problems);
        problems.throwIfAny();
        return manifests;
    }

    Verdict tcp(String from, String to, int port) {
        return decide(Flow.of(endpoint(from), endpoint(to), Transport.TCP, port));
    }

    Verdict flow(String from, String to, Transport transport, int port) {
        return decide(Flow.of(endpoint(from), endpoint(to), transport, port));
    }

    Verdict icmp(String from, String to, int type) {
        return decide(Flow.icmp(endpoint(from), endpoint(to), Transport.ICMP, type));
    }

    Verdict http(String from, String to, int port, String method, String path) {
        return decide(Flow.of(endpoint(from), endpoint(to), Transport.TCP, port).withHttp(new HttpRequest(method,
                path, "", Map.of(), Optional.empty())));
    }

    private Verdict decide(Flow flow) {
        return simulator.decide(flow);
    }

    private Endpoint endpoint(String text) {
        if (text.startsWith("ip:")) {
            return new Endpoint.External(text.substring(3), "");
        }
        return new Endpoint.OfPod(cluster().pod(text).orElseThrow(() -> new IllegalArgumentException(text)));
    }

    private static TreeMap<String, String> labels(String... labels) {
        TreeMap<String, String> map = new TreeMap<>();
        for (String label : labels) {
            String[] kv = label.split("=", 2);
            map.put(kv[0], kv[1]);
        }
        return map;
    }

    /** The steps of a verdict, one line each, as users read them. */
    static List<String> lines(Verdict verdict) {
        return verdict.steps().stream().map(Object::toString).toList();
    }
}
