package dev.kordon.simulator.analysis;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.analysis.IngressBackend.AnyPort;
import dev.kordon.simulator.analysis.IngressBackend.BackendPort;
import dev.kordon.simulator.analysis.IngressBackend.PortName;
import dev.kordon.simulator.analysis.IngressBackend.PortNumber;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.cluster.Service;
import dev.kordon.simulator.cluster.ServicePort;
import dev.kordon.simulator.cluster.SyntheticAddresses;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * netpol-analyzer's pseudo-peer {@code {ingress-controller}}: the connections an ingress controller opens to the
 * workloads behind Ingress and Route backends, as its {@code connlist} lists them.
 *
 * <ol>
 *   <li>A backend names a Service of its object's namespace; the Service must have a selector and select some
 *       workload (otherwise the backend is skipped with a warning).</li>
 *   <li>The backend's port picks the first Service port with that name or number (a Route's port also matches a
 *       {@code targetPort}); no port picks them all. Each picked port's {@code targetPort} (a number, or a container
 *       port name resolved in the workload's pod to a TCP port) must be one of the pod's container ports.</li>
 *   <li>Those TCP ports are then decided by the simulator, from a pod {@code ingress-controller} without labels in
 *       a namespace {@code ingress-controller-ns} with only its name label: a policy admits the controller exactly
 *       when it admits such a pod (e.g. {@code namespaceSelector: {}}, not {@code podSelector: {}}).</li>
 * </ol>
 *
 * <p>The pod is a probe only: it is added to a simulator of its own, never to the one that decides the lines between
 * real peers, so it changes no verdict between them.
 */
final class IngressController {

    /** The namespace netpol-analyzer gives the controller. */
    static final String NAMESPACE = "ingress-controller-ns";
    /** The name netpol-analyzer gives the controller. */
    static final String NAME = "ingress-controller";

    private final Simulator simulator;
    private final Cluster cluster;
    private final Peer peer;

    /**
     * The controller of a cluster under policies: the workloads are those of {@code cluster}, the verdicts those of a
     * simulator built for the profile from the cluster with the controller's pod and namespace added (so that every
     * engine sees it as a pod like any other), used for the controller's flows only.
     */
    IngressController(Cluster cluster, List<Manifest> policies, EnforcementProfile profile) {
        this.cluster = cluster;
        Pod probe = new Pod(NAMESPACE, NAME, new TreeMap<>(), "", List.of(), "default", false, "", "", Map.of());
        List<Pod> pods = SyntheticAddresses.assign(Stream.concat(cluster.pods().stream(), Stream.of(probe)).toList());
        Pod addressed = pods.stream().filter(pod -> pod.id().equals(probe.id())).findFirst().orElseThrow();
        List<Namespace> namespaces = new ArrayList<>(cluster.namespaces());
        if (cluster.namespace(NAMESPACE).isEmpty()) {
            namespaces.add(new Namespace(NAMESPACE, cluster.namespaceLabels(NAMESPACE)));
        }
        this.simulator = Simulator.build(new Cluster(namespaces, cluster.nodes(), pods, cluster.serviceAccounts(),
                cluster.services()), policies, profile);
        this.peer = Peer.ingressController(NAME, new Endpoint.OfPod(addressed));
    }

    /** The controller's lines, one per workload it reaches, sorted by workload; warnings go to warnings. */
    List<Connection> connections(List<IngressBackend> backends, Problems warnings) {
        List<Connection> lines = new ArrayList<>();
        reached(backends, warnings).forEach((workload, reach) -> line(workload, reach, warnings).ifPresent(lines::add));
        return List.copyOf(lines);
    }

    /** The ports a workload is reached on, and the first backend that reaches it (named in warnings). */
    private record Reach(IngressBackend first, TreeSet<Integer> ports) {
    }

    /** Every workload behind a usable backend, by label, with the TCP ports its pod is reached on. */
    private Map<Peer, Reach> reached(List<IngressBackend> backends, Problems warnings) {
        Map<Peer, Reach> reached = new TreeMap<>(Comparator.comparing(Peer::toString));
        if (backends.isEmpty()) {
            return reached;
        }
        Map<String, List<Peer>> selected = new TreeMap<>();
        List<Peer> workloads = Connectivity.workloads(cluster.pods());
        for (Service service : cluster.services()) {
            selected.put(service.id(), workloads.stream()
                    .filter(workload -> workload.probe() instanceof Endpoint.OfPod pod && service.selects(pod.pod()))
                    .toList());
        }
        for (IngressBackend backend : backends) {
            Optional<Service> service = usableService(backend, selected, warnings);
            for (Peer workload : service.map(found -> selected.get(found.id())).orElse(List.of())) {
                Pod pod = ((Endpoint.OfPod) workload.probe()).pod();
                reached.computeIfAbsent(workload, key -> new Reach(backend, new TreeSet<>())).ports()
                        .addAll(podPorts(service.get(), backend, pod));
            }
        }
        return reached;
    }

    /** The line to a workload: the ports policy admits from the controller; none gives a warning instead. */
    private Optional<Connection> line(Peer workload, Reach reach, Problems warnings) {
        List<PortRange> allowed = reach.ports().stream()
                .filter(port -> simulator.decide(Flow.of(peer.probe(), workload.probe(), Transport.TCP, port))
                        .allowed())
                .map(port -> new PortRange(port, port)).toList();
        if (allowed.isEmpty()) {
            warnBlocked(workload, reach.first(), reach.ports(), warnings);
            return Optional.empty();
        }
        Map<Transport, List<PortRange>> set = new EnumMap<>(Transport.class);
        set.put(Transport.TCP, allowed);
        return Optional.of(new Connection(peer, workload, ConnectionSet.of(set)));
    }

    /** The Service a backend names, if it exists, has a selector and selects some workload. */
    private Optional<Service> usableService(IngressBackend backend, Map<String, List<Peer>> selected,
            Problems warnings) {
        Optional<Service> service = cluster.service(backend.namespace(), backend.service());
        String id = backend.namespace() + "/" + backend.service();
        String problem = service.isEmpty() ? "names Service " + id + ", which is not in the input"
                : !service.get().hasSelector() ? "names Service " + id + ", which has no selector"
                : selected.get(id).isEmpty() ? "names Service " + id + ", which selects no workload" : "";
        if (problem.isEmpty()) {
            return service;
        }
        warnings.add(backend.source().file(), backend.source().object(), backend.source().field(),
                problem + " (no {ingress-controller} line comes from it)",
                "add the Service with a selector matching the workload's pod labels, or fix the name");
        return Optional.empty();
    }

    /**
     * The TCP ports of the pod the backend reaches: the target port of the Service port it picks (all of them when it
     * gives no port), kept when the pod declares it as a container port, as netpol-analyzer does.
     */
    static List<Integer> podPorts(Service service, IngressBackend backend, Pod pod) {
        List<Integer> result = new ArrayList<>();
        for (ServicePort port : picked(service, backend)) {
            int number = port.targetPort() instanceof ServicePort.Named named
                    ? pod.namedPort(named.name(), "TCP").map(ContainerPort::port).orElse(-1)
                    : ((ServicePort.Number) port.targetPort()).port();
            // netpol-analyzer counts every container port of the pod as a TCP port it exposes, whatever its protocol.
            if (pod.ports().stream().anyMatch(container -> container.port() == number)) {
                result.add(number);
            }
        }
        return result;
    }

    /** The Service ports a backend picks: the first that matches its port, or all of them when it gives none. */
    private static List<ServicePort> picked(Service service, IngressBackend backend) {
        BackendPort wanted = backend.port();
        if (wanted instanceof AnyPort) {
            return service.ports();
        }
        for (ServicePort port : service.ports()) {
            boolean matches = wanted instanceof PortNumber number
                    ? port.port() == number.port() || port.targetPort().equals(new ServicePort.Number(number.port()))
                    : !port.name().isEmpty() && port.name().equals(((PortName) wanted).name())
                            || backend.route() && port.targetPort().equals(new ServicePort.Named(
                                    ((PortName) wanted).name()));
            if (matches) {
                return List.of(port);
            }
        }
        return List.of();
    }

    private static void warnBlocked(Peer workload, IngressBackend backend, TreeSet<Integer> ports,
            Problems warnings) {
        String message = ports.isEmpty()
                ? "reaches " + workload + " on no container port of its pod (no {ingress-controller} line)"
                : "reaches " + workload + " on TCP " + String.join(",", ports.stream().map(String::valueOf).toList())
                        + ", which network policy denies to {ingress-controller}";
        String hint = ports.isEmpty() ? "make the Service's targetPort one of the pod's containerPorts"
                : "admit the ingress controller's namespace in the workload's ingress policy, or drop the backend";
        warnings.add(backend.source().file(), backend.source().object(), backend.source().field(), message, hint);
    }
}
