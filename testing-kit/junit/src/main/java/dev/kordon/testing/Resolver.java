package dev.kordon.testing;

import dev.kordon.dsl.Workload;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.EndpointSyntax;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.net.Ipv4Intervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns probes into the flows of a cluster. A name that the cluster does not have is an error naming what it does
 * have, never an empty (and so vacuously passing) check.
 */
final class Resolver {

    private final Cluster cluster;

    Resolver(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Every flow the probe stands for: each source endpoint to each destination endpoint (a pod is not probed to
     * itself).
     *
     * @throws IllegalArgumentException when a side is missing, names nothing in the cluster, or the port is missing
     */
    List<Flow> flows(Probe probe) {
        if (probe.source().isEmpty() || probe.destination().isEmpty()) {
            throw new IllegalArgumentException("probe " + probe + " has no " + (probe.source().isEmpty() ? "source"
                    : "destination") + ": write from(...).to(...), or use a probe with one side inside an assertion"
                    + " about a workload (assertThat(net.workload(...)).allowsOnly(...))");
        }
        if (probe.port() < 0) {
            throw new IllegalArgumentException("probe " + probe + " has no port: add .port(8080) for TCP, or"
                    + " .udp(53) / .sctp(n)");
        }
        List<Endpoint> sources = endpoints(probe.source().get());
        List<Endpoint> destinations = endpoints(probe.destination().get());
        List<Flow> flows = new ArrayList<>();
        for (Endpoint source : sources) {
            for (Endpoint destination : destinations) {
                if (source.equals(destination)) {
                    continue;
                }
                Flow flow = Flow.of(source, destination, probe.transport(), probe.port());
                flows.add(probe.hasRequest() ? flow.withHttp(new HttpRequest(probe.method(), probe.path(),
                        probe.host(), probe.headers(), probe.token())) : flow);
            }
        }
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("probe " + probe + " stands for no flow: its source and destination"
                    + " are the same single pod; probe between different endpoints");
        }
        return flows;
    }

    /** The endpoints these names stand for in the cluster, at least one. */
    List<Endpoint> endpoints(Endpoints endpoints) {
        return switch (endpoints.kind()) {
            case WORKLOAD -> pods(endpoints.dslWorkload());
            case NAMED -> named(endpoints.text());
            case NAMESPACE -> namespace(endpoints.text());
            case ADDRESS -> address(endpoints.text());
            case FQDN -> EndpointSyntax.parse("fqdn:" + endpoints.text(), cluster).map(List::of).orElseThrow();
            case NODE -> List.of(cluster.node(endpoints.text()).<Endpoint>map(Endpoint.OfNode::new)
                    .orElseThrow(() -> new IllegalArgumentException("no node " + endpoints.text()
                            + " in the cluster; its nodes: " + cluster.nodes().stream().map(n -> n.name())
                            .collect(Collectors.joining(", ")))));
        };
    }

    private List<Endpoint> pods(Workload workload) {
        List<Endpoint> pods = cluster.pods().stream().filter(pod -> !pod.hostNetwork()
                && pod.namespace().equals(workload.namespace()) && workload.selector().matches(pod.labels()))
                .<Endpoint>map(Endpoint.OfPod::new).toList();
        if (pods.isEmpty()) {
            throw new IllegalArgumentException("workload " + workload.namespace() + "/" + workload.name() + " "
                    + workload.selector() + " matches no pod in namespace " + workload.namespace() + " of the cluster; "
                    + inNamespace(workload.namespace()) + "; fix the workload's labels or the cluster");
        }
        return pods;
    }

    private List<Endpoint> named(String text) {
        int slash = text.indexOf('/');
        String namespace = text.substring(0, slash);
        String name = text.substring(slash + 1);
        List<Endpoint> pods = cluster.pods().stream().filter(pod -> pod.namespace().equals(namespace)
                && (ownerName(pod).equals(name) || pod.name().equals(name)))
                .<Endpoint>map(Endpoint.OfPod::new).toList();
        if (pods.isEmpty()) {
            throw new IllegalArgumentException("no workload " + text + " in the cluster; " + inNamespace(namespace));
        }
        return pods;
    }

    private List<Endpoint> namespace(String namespace) {
        List<Endpoint> pods = cluster.pods().stream().filter(pod -> pod.namespace().equals(namespace)
                && !pod.hostNetwork()).<Endpoint>map(Endpoint.OfPod::new).toList();
        if (pods.isEmpty()) {
            throw new IllegalArgumentException("anyPodIn(\"" + namespace + "\"): no pod runs in namespace "
                    + namespace + " of the cluster; namespaces with pods: " + namespacesWithPods());
        }
        return pods;
    }

    private List<Endpoint> address(String ip) {
        if (Ipv4Intervals.parse(ip + "/32").isEmpty()) {
            throw new IllegalArgumentException("not an IPv4 address: '" + ip + "'; write e.g. ip(\"203.0.113.10\")");
        }
        return List.of(EndpointSyntax.parse("ip:" + ip, cluster).orElseThrow());
    }

    /** What the namespace has, for messages: {@code workloads in shop: backend (app=backend), …}. */
    private String inNamespace(String namespace) {
        List<Pod> pods = cluster.pods().stream().filter(pod -> pod.namespace().equals(namespace)).toList();
        if (pods.isEmpty()) {
            return "no pod runs in namespace " + namespace + "; namespaces with pods: " + namespacesWithPods();
        }
        return "workloads in " + namespace + ": " + pods.stream().map(pod -> workloadName(pod) + " " + pod.labels())
                .distinct().sorted().collect(Collectors.joining(", "));
    }

    private String namespacesWithPods() {
        return cluster.namespaces().stream().map(Namespace::name)
                .filter(ns -> cluster.pods().stream().anyMatch(pod -> pod.namespace().equals(ns)))
                .sorted().collect(Collectors.joining(", "));
    }

    /** The workload a pod belongs to: its owner's name, or the pod's own when it has none. */
    static String workloadName(Pod pod) {
        String owner = ownerName(pod);
        return owner.isEmpty() ? pod.name() : owner;
    }

    private static String ownerName(Pod pod) {
        int slash = pod.owner().indexOf('/');
        return slash > 0 ? pod.owner().substring(slash + 1) : "";
    }
}
