package dev.kordon.simulator.cluster;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the simulator knows of a cluster: namespaces, nodes, pods, service accounts and services, each list sorted by
 * name.
 * Lookups by name or address are indexed, so that deciding a flow does not grow with the size of the cluster.
 */
public final class Cluster {

    private final List<Namespace> namespaces;
    private final List<Node> nodes;
    private final List<Pod> pods;
    private final List<ServiceAccount> serviceAccounts;
    private final List<Service> services;
    private final Map<String, Namespace> namespacesByName = new HashMap<>();
    private final Map<String, Node> nodesByName = new HashMap<>();
    private final Map<String, Node> nodesByIp = new HashMap<>();
    private final Map<String, Pod> podsById = new HashMap<>();
    private final Map<String, ServiceAccount> accountsById = new HashMap<>();
    private final Map<String, Service> servicesById = new HashMap<>();

    /** A cluster of these objects without services. */
    public Cluster(List<Namespace> namespaces, List<Node> nodes, List<Pod> pods,
            List<ServiceAccount> serviceAccounts) {
        this(namespaces, nodes, pods, serviceAccounts, List.of());
    }

    /** A cluster of these objects; each list is kept sorted by name (the first of equal names wins a lookup). */
    public Cluster(List<Namespace> namespaces, List<Node> nodes, List<Pod> pods,
            List<ServiceAccount> serviceAccounts, List<Service> services) {
        this.namespaces = namespaces.stream().sorted(Comparator.comparing(Namespace::name)).toList();
        this.nodes = nodes.stream().sorted(Comparator.comparing(Node::name)).toList();
        this.pods = pods.stream().sorted(Comparator.comparing(Pod::id)).toList();
        this.serviceAccounts = serviceAccounts.stream()
                .sorted(Comparator.comparing(ServiceAccount::namespace).thenComparing(ServiceAccount::name)).toList();
        this.services = services.stream().sorted(Comparator.comparing(Service::id)).toList();
        this.namespaces.forEach(namespace -> namespacesByName.putIfAbsent(namespace.name(), namespace));
        this.nodes.forEach(node -> nodesByName.putIfAbsent(node.name(), node));
        this.nodes.forEach(node -> nodesByIp.putIfAbsent(node.ip(), node));
        this.pods.forEach(pod -> podsById.putIfAbsent(pod.id(), pod));
        this.serviceAccounts.forEach(account -> accountsById.putIfAbsent(account.namespace() + "/" + account.name(),
                account));
        this.services.forEach(service -> servicesById.putIfAbsent(service.id(), service));
    }

    /** The namespaces, sorted by name. */
    public List<Namespace> namespaces() {
        return namespaces;
    }

    /** The nodes, sorted by name. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The pods, sorted by {@code namespace/name}. */
    public List<Pod> pods() {
        return pods;
    }

    /** The service accounts, sorted by namespace and name. */
    public List<ServiceAccount> serviceAccounts() {
        return serviceAccounts;
    }

    /** The services, sorted by {@code namespace/name}. */
    public List<Service> services() {
        return services;
    }

    /** The service {@code name} of {@code namespace}. */
    public Optional<Service> service(String namespace, String name) {
        return Optional.ofNullable(servicesById.get(namespace + "/" + name));
    }

    /** The pod {@code namespace/name}. */
    public Optional<Pod> pod(String id) {
        return Optional.ofNullable(podsById.get(id));
    }

    /** The namespace with this name. */
    public Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(namespacesByName.get(name));
    }

    /** The labels of a namespace; a namespace the cluster does not list has only its name label. */
    public SortedMap<String, String> namespaceLabels(String name) {
        return namespace(name).map(Namespace::labels)
                .orElseGet(() -> new TreeMap<>(Map.of("kubernetes.io/metadata.name", name)));
    }

    /** The node with this address. */
    public Optional<Node> nodeWithIp(String ip) {
        return Optional.ofNullable(nodesByIp.get(ip));
    }

    /** The node with this name. */
    public Optional<Node> node(String name) {
        return Optional.ofNullable(nodesByName.get(name));
    }

    /** The labels of a service account; an account the cluster does not list has none. */
    public SortedMap<String, String> serviceAccountLabels(String namespace, String name) {
        ServiceAccount account = accountsById.get(namespace + "/" + name);
        return account == null ? new TreeMap<>() : account.labels();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cluster that && namespaces.equals(that.namespaces) && nodes.equals(that.nodes)
                && pods.equals(that.pods) && serviceAccounts.equals(that.serviceAccounts)
                && services.equals(that.services);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespaces, nodes, pods, serviceAccounts, services);
    }

    @Override
    public String toString() {
        return "Cluster[namespaces=" + namespaces + ", nodes=" + nodes + ", pods=" + pods + ", serviceAccounts="
                + serviceAccounts + ", services=" + services + "]";
    }
}
