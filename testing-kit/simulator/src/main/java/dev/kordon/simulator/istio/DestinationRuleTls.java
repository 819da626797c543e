package dev.kordon.simulator.istio;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The part of a DestinationRule that decides identities: which host it configures, for which clients, and the TLS
 * its client proxies originate (for the whole host, and per Service port).
 *
 * @param resource         how messages name it
 * @param namespace        its namespace
 * @param host             its host, with short names made fully qualified ({@code *.x} and {@code *} are wildcards)
 * @param exportTo         the namespaces it is visible to ({@code *}, {@code .}, names); empty = everywhere
 * @param workloadSelector the client workloads of its namespace it applies to; empty = every client
 * @param tls              {@code trafficPolicy.tls.mode}, AUTO when not given
 * @param portTls          the modes of {@code portLevelSettings[].tls} (keyed by Service port, which pods do not show)
 */
record DestinationRuleTls(String resource, String namespace, String host, Set<String> exportTo,
        SortedMap<String, String> workloadSelector, ClientTls tls, List<ClientTls> portTls) {

    private static final String CLUSTER_SUFFIX = ".svc.cluster.local";

    DestinationRuleTls {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(host, "host");
        exportTo = Set.copyOf(exportTo);
        workloadSelector = new TreeMap<>(workloadSelector);
        Objects.requireNonNull(tls, "tls");
        portTls = List.copyOf(portTls);
    }

    /** Whether the host is a wildcard. */
    boolean wildcard() {
        return host.startsWith("*");
    }

    /** The Service a non-wildcard host names in a namespace (e.g. {@code b} of {@code b.ns.svc.cluster.local}). */
    boolean namesServiceIn(String destinationNamespace) {
        String suffix = "." + destinationNamespace + CLUSTER_SUFFIX;
        return !wildcard() && host.endsWith(suffix) && !host.substring(0, host.length() - suffix.length()).contains(".")
                && host.length() > suffix.length();
    }

    /** Whether the host covers the Service host {@code service} (a full name, or empty for any Service of ns). */
    boolean covers(String service, String destinationNamespace) {
        String name = service.isEmpty() ? "any-service." + destinationNamespace + CLUSTER_SUFFIX : service;
        return wildcard() ? name.endsWith(host.substring(1)) : !service.isEmpty() && host.equals(service);
    }

    /** Istio's specificity: an exact host beats every wildcard, a longer wildcard a shorter one. */
    int specificity() {
        return wildcard() ? host.length() : Integer.MAX_VALUE;
    }

    /** Whether a client in {@code clientNamespace} sees it. */
    boolean visibleTo(String clientNamespace) {
        if (namespace.equals(clientNamespace)) {
            return true;
        }
        return workloadSelector.isEmpty() && (exportTo.isEmpty() || exportTo.contains("*")
                || exportTo.contains(clientNamespace));
    }

    /** Every TLS setting its clients may use for the host: the host-wide one and each port-level one. */
    List<ClientTls> settings() {
        return Stream.concat(Stream.of(tls), portTls.stream()).distinct().toList();
    }

    /** The Service host a short or qualified name stands for, from a rule in {@code namespace}. */
    static String qualify(String host, String namespace) {
        return host.contains(".") || host.startsWith("*") ? host : host + "." + namespace + CLUSTER_SUFFIX;
    }
}
