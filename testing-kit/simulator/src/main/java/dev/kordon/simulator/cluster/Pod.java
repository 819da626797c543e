package dev.kordon.simulator.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A pod as policy sees it: namespace, name, labels, address, named container ports, service account, node, and
 * whether it uses the host's network (then its address is the node's).
 *
 * @param owner the workload it belongs to, e.g. {@code Deployment/web}, or empty for a bare pod
 * @param extra backend-specific facts read from the input (e.g. Calico endpoint labels), by name
 */
public record Pod(String namespace, String name, SortedMap<String, String> labels, String ip,
        List<ContainerPort> ports, String serviceAccount, boolean hostNetwork, String node, String owner,
        Map<String, Object> extra) {

    public Pod {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        labels = new TreeMap<>(labels);
        Objects.requireNonNull(ip, "ip");
        ports = List.copyOf(ports);
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(owner, "owner");
        extra = Map.copyOf(extra);
    }

    /** {@code namespace/name}. */
    public String id() {
        return namespace + "/" + name;
    }

    /** The container port with this name and protocol, if the pod declares one. */
    public Optional<ContainerPort> namedPort(String portName, String protocol) {
        return ports.stream().filter(port -> port.name().equals(portName) && port.protocol().equals(protocol))
                .findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
