package dev.kordon.simulator.calico.model;

import dev.kordon.dsl.Cidr;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A NetworkSet (namespaced) or GlobalNetworkSet: labelled address ranges that rule selectors can select like
 * endpoints.
 *
 * @param resource  how messages name it
 * @param namespace its namespace, empty for a GlobalNetworkSet
 * @param name      its name
 * @param labels    its own labels
 * @param nets      its address ranges
 */
public record NetworkSet(String resource, String namespace, String name, SortedMap<String, String> labels,
        List<Cidr> nets) {

    public NetworkSet {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        labels = new TreeMap<>(labels);
        nets = List.copyOf(nets);
    }

    /** A network set with these labels. */
    public static NetworkSet of(String resource, String namespace, String name, Map<String, String> labels,
            List<Cidr> nets) {
        return new NetworkSet(resource, namespace, name, new TreeMap<>(labels), nets);
    }
}
