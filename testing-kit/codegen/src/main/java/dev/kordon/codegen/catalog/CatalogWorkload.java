package dev.kordon.codegen.catalog;

import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.Workload;
import dev.kordon.simulator.input.Manifest;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One workload found in the manifests: the object that declared it, its namespace and name, the selector of its pods,
 * their service account (empty when the manifest names none) and their named container ports.
 */
record CatalogWorkload(Manifest manifest, String namespace, String name, LabelSelector selector,
        String serviceAccount, SortedMap<String, PortNumber> ports) {

    CatalogWorkload {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        ports = new TreeMap<>(ports);
    }

    /** The workload as the DSL value the catalog's constant holds. */
    Workload workload() {
        Workload workload = Kordon.workload(namespace, name, selector);
        if (!serviceAccount.isEmpty()) {
            workload = workload.withServiceAccount(serviceAccount);
        }
        for (var port : ports.entrySet()) {
            workload = workload.withPort(port.getKey(), port.getValue());
        }
        return workload;
    }

    /** {@code namespace/name}, the key that must be unique. */
    String id() {
        return namespace + "/" + name;
    }
}
