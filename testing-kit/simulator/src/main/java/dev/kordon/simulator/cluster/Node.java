package dev.kordon.simulator.cluster;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A node: name, labels, address, and whether its address serves the Kubernetes API. */
public record Node(String name, SortedMap<String, String> labels, String ip, boolean kubeApiServer) {

    public Node {
        Objects.requireNonNull(name, "name");
        labels = new TreeMap<>(labels);
        Objects.requireNonNull(ip, "ip");
    }
}
