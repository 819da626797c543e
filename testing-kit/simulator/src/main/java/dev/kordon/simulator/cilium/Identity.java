package dev.kordon.simulator.cilium;

import dev.kordon.simulator.cluster.Pod;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The security identity of one end of a flow as the enforcing endpoint sees it: a pod's labels (source {@code k8s}),
 * or the reserved labels of the local host, a remote node (possibly running the kube-apiserver) or the world.
 *
 * @param kind     what it is
 * @param name     how steps name it, e.g. {@code cilium-test-1/client} or {@code remote-node (node k8s1)}
 * @param k8s      labels of source {@code k8s} (pods only), including the ones Cilium derives
 * @param reserved labels of source {@code reserved}, e.g. {@code host}, {@code remote-node}, {@code world}
 * @param ip       its address
 * @param fqdn     the DNS name the source looked up to reach it (world only), or empty
 * @param pod      the pod, for a pod
 */
record Identity(Kind kind, String name, Map<String, String> k8s, Set<String> reserved, String ip,
        String fqdn, Optional<Pod> pod) {

    /** The kinds of identities the model has. */
    enum Kind {
        POD,
        HOST,
        REMOTE_NODE,
        WORLD
    }

    Identity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        k8s = Collections.unmodifiableSortedMap(new TreeMap<>(k8s));
        reserved = Collections.unmodifiableSortedSet(new TreeSet<>(reserved));
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(fqdn, "fqdn");
        Objects.requireNonNull(pod, "pod");
    }

    /** The value of a label of a source ({@code k8s}, {@code reserved}, or {@code any}); reserved labels have "". */
    Optional<String> label(String source, String key) {
        String k8sValue = k8s.get(key);
        String reservedValue = reserved.contains(key) ? "" : null;
        return Optional.ofNullable(switch (source) {
            case "k8s" -> k8sValue;
            case "reserved" -> reservedValue;
            default -> k8sValue != null ? k8sValue : reservedValue;
        });
    }

    /** Whether this is an endpoint of the cluster (anything but the world). */
    boolean inCluster() {
        return kind != Kind.WORLD;
    }

    @Override
    public String toString() {
        return name;
    }
}
