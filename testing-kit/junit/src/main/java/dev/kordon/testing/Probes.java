package dev.kordon.testing;

import dev.kordon.dsl.Workload;

/**
 * Where probes start: {@code from(FRONTEND).to(BACKEND).get("/api/users").port(8080)}. Import statically.
 *
 * <p>An endpoint is a DSL {@link Workload} (the pods its selector matches in its namespace), a workload of the cluster
 * by name ({@code "shop/frontend"}: the pods of the Deployment, StatefulSet, … of that name, or the bare pod),
 * {@link #anyPodIn every pod of a namespace}, an {@link #ip address}, a {@link #fqdn DNS name} or a {@link #node node}.
 */
public final class Probes {

    private Probes() {
    }

    /** A probe from the workload's pods. */
    public static Probe from(Workload source) {
        return Probe.from(Endpoints.workload(source));
    }

    /** A probe from the pods of the cluster's workload {@code namespace/name}. */
    public static Probe from(String namespaceSlashName) {
        return Probe.from(Endpoints.named(namespaceSlashName));
    }

    /** A probe from these endpoints. */
    public static Probe from(Endpoints source) {
        return Probe.from(source);
    }

    /** A probe to the workload's pods, from the workload an assertion is about ({@link WorkloadAssert#allowsOnly}). */
    public static Probe to(Workload destination) {
        return Probe.towards(Endpoints.workload(destination));
    }

    /** A probe to the pods of the cluster's workload {@code namespace/name}, from the workload an assertion is about. */
    public static Probe to(String namespaceSlashName) {
        return Probe.towards(Endpoints.named(namespaceSlashName));
    }

    /** A probe to these endpoints, from the workload an assertion is about. */
    public static Probe to(Endpoints destination) {
        return Probe.towards(destination);
    }

    /** The DSL workload's pods. */
    public static Endpoints workload(Workload workload) {
        return Endpoints.workload(workload);
    }

    /** The pods of the cluster's workload {@code namespace/name} (or the bare pod of that name). */
    public static Endpoints workload(String namespaceSlashName) {
        return Endpoints.named(namespaceSlashName);
    }

    /** Every pod of the namespace: a probe holds only if it holds for each of them. */
    public static Endpoints anyPodIn(String namespace) {
        return Endpoints.of(Endpoints.Kind.NAMESPACE, namespace);
    }

    /** An IPv4 address: the node that has it, or else an address outside the cluster. */
    public static Endpoints ip(String address) {
        return Endpoints.of(Endpoints.Kind.ADDRESS, address);
    }

    /** An address outside the cluster reached by this DNS name (for Cilium's DNS-aware rules). */
    public static Endpoints fqdn(String name) {
        return Endpoints.of(Endpoints.Kind.FQDN, name);
    }

    /** The cluster's node of this name. */
    public static Endpoints node(String name) {
        return Endpoints.of(Endpoints.Kind.NODE, name);
    }
}
