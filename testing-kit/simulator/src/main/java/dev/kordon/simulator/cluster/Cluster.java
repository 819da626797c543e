package dev.kordon.simulator.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the simulator knows of a cluster: namespaces, nodes, pods and service accounts.
 */
public record Cluster(List<Namespace> namespaces, List<Node> nodes, List<Pod> pods,
        List<ServiceAccount> serviceAccounts) {

    public Cluster {
        namespaces = namespaces.stream().sorted(Comparator.comparing(Namespace::name)).toList();
        nodes = nodes.stream().sorted(Comparator.comparing(Node::name)).toList();
        pods = pods.stream().sorted(Comparator.comparing(Pod::id)).toList();
        serviceAccounts = serviceAccounts.stream()
                .sorted(Comparator.comparing(ServiceAccount::namespace).thenComparing(ServiceAccount::name)).toList();
    }

    /** The pod {@code namespace/name}. */
    public Optional<Pod> pod(String id) {
        return pods.stream().filter(pod -> pod.id().equals(id)).findFirst();
    }

    /** The namespace with this name. */
    public Optional<Namespace> namespace(String name) {
        return namespaces.stream().filter(namespace -> namespace.name().equals(name)).findFirst();
    }

    /** The labels of a namespace; a namespace the cluster does not list has only its name label. */
    public SortedMap<String, String> namespaceLabels(String name) {
        return namespace(name).map(Namespace::labels)
                .orElseGet(() -> new java.util.TreeMap<>(java.util.Map.of("kubernetes.io/metadata.name", name)));
    }

    /** The node with this address. */
    public Optional<Node> nodeWithIp(String ip) {
        return nodes.stream().filter(node -> node.ip().equals(ip)).findFirst();
    }

    /** The node with this name. */
    public Optional<Node> node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    /** The labels of a service account; an account the cluster does not list has none. */
    public SortedMap<String, String> serviceAccountLabels(String namespace, String name) {
        return serviceAccounts.stream().filter(account -> account.namespace().equals(namespace)
                && account.name().equals(name)).findFirst().map(ServiceAccount::labels)
                .orElseGet(java.util.TreeMap::new);
    }
}
