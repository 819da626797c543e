package dev.kordon.simulator.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Kubernetes Service as far as it names pods and their ports: its selector and its ports. It has no effect on policy
 * (policy sees the pods behind a Service); it tells which workloads an Ingress or Route reaches.
 *
 * @param selector    the labels a pod needs to be selected ({@code spec.selector})
 * @param hasSelector whether {@code spec.selector} is given at all; a Service without one selects no pod (its endpoints
 *                    are managed outside Kubernetes), while an empty selector selects every pod of the namespace
 * @param ports       {@code spec.ports}, in order
 */
public record Service(String namespace, String name, SortedMap<String, String> selector, boolean hasSelector,
        List<ServicePort> ports) {

    public Service {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        selector = new TreeMap<>(selector);
        ports = List.copyOf(ports);
        if (!hasSelector && !selector.isEmpty()) {
            throw new IllegalArgumentException("a Service without selector has no selector labels: " + selector);
        }
    }

    /** {@code namespace/name}. */
    public String id() {
        return namespace + "/" + name;
    }

    /** Whether the Service sends traffic to this pod: same namespace, and every selector label on the pod. */
    public boolean selects(Pod pod) {
        if (!hasSelector || !pod.namespace().equals(namespace)) {
            return false;
        }
        for (Map.Entry<String, String> label : selector.entrySet()) {
            if (!label.getValue().equals(pod.labels().get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The port with this name, if the Service has one. */
    public Optional<ServicePort> port(String portName) {
        return ports.stream().filter(port -> !port.name().isEmpty() && port.name().equals(portName)).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
