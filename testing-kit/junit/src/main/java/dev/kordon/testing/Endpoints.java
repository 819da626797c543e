package dev.kordon.testing;

import dev.kordon.dsl.Workload;
import java.util.Objects;

/**
 * What one side of a {@link Probe} names: a workload, every pod of a namespace, an address, a DNS name or a node. It
 * is resolved against the cluster of each {@link Reachability}; a name the cluster does not have is an error, not a
 * passing check. Create them with {@link Probes}.
 */
public final class Endpoints {

    /** What kind of thing the endpoints name. */
    enum Kind {
        /** A DSL workload: the pods of its namespace that its selector matches. */
        WORKLOAD,
        /** {@code namespace/name}: the pods of the workload (owner) of that name, or the pod of that name. */
        NAMED,
        /** Every pod of a namespace. */
        NAMESPACE,
        /** An IP address: a node's, or one outside the cluster. */
        ADDRESS,
        /** An address outside the cluster reached by a DNS name. */
        FQDN,
        /** A node by name. */
        NODE
    }

    private final Kind kind;
    private final String text;
    private final Workload workload;

    private Endpoints(Kind kind, String text, Workload workload) {
        this.kind = kind;
        this.text = Objects.requireNonNull(text, "text");
        this.workload = workload;
    }

    static Endpoints workload(Workload workload) {
        Objects.requireNonNull(workload, "workload");
        return new Endpoints(Kind.WORKLOAD, workload.namespace() + "/" + workload.name(), workload);
    }

    static Endpoints named(String namespaceSlashName) {
        Objects.requireNonNull(namespaceSlashName, "workload");
        int slash = namespaceSlashName.indexOf('/');
        if (slash <= 0 || slash == namespaceSlashName.length() - 1 || namespaceSlashName.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("not a workload name: '" + namespaceSlashName
                    + "'; write namespace/name, e.g. \"shop/frontend\"");
        }
        return new Endpoints(Kind.NAMED, namespaceSlashName, null);
    }

    static Endpoints of(Kind kind, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " names nothing; give one");
        }
        return new Endpoints(kind, text, null);
    }

    Kind kind() {
        return kind;
    }

    /** The name as written: {@code ns/name}, the namespace, the address, the DNS name or the node. */
    String text() {
        return text;
    }

    /** The DSL workload, for {@link Kind#WORKLOAD}. */
    Workload dslWorkload() {
        return workload;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoints that && kind == that.kind && text.equals(that.text)
                && Objects.equals(workload, that.workload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text);
    }

    /** How probes and messages write it: {@code shop/frontend}, {@code any pod in marketing}, {@code ip:…}. */
    @Override
    public String toString() {
        return switch (kind) {
            case WORKLOAD, NAMED -> text;
            case NAMESPACE -> "any pod in " + text;
            case ADDRESS -> "ip:" + text;
            case FQDN -> "fqdn:" + text;
            case NODE -> "node:" + text;
        };
    }
}
