package dev.kordon.simulator.cluster;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A service account and its labels (Calico selects service accounts by label). */
public record ServiceAccount(String namespace, String name, SortedMap<String, String> labels) {

    public ServiceAccount {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        labels = new TreeMap<>(labels);
    }
}
