package dev.kordon.dsl;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A named workload: the pods of one namespace that a label selector picks, with the service account they run as
 * and their named container ports.
 *
 * <p>Workloads are immutable values, usually declared once as constants and shared by policies and tests:
 * <pre>{@code
 * static final Workload BACKEND = workload("shop", "backend", labels("app", "backend"))
 *         .withServiceAccount("backend")
 *         .withPort("http", tcp(8080));
 * }</pre>
 * A workload also starts the "accepts" form of an intent: {@code BACKEND.accepts(GET("/api/*")).from(FRONTEND).on(tcp(8080))}.
 */
public final class Workload implements Peer {

    private final String namespace;
    private final String name;
    private final LabelSelector selector;
    private final String serviceAccount;
    private final SortedMap<String, PortNumber> ports;

    Workload(String namespace, String name, LabelSelector selector, String serviceAccount,
            Map<String, PortNumber> ports) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.serviceAccount = Objects.requireNonNull(serviceAccount, "serviceAccount");
        this.ports = new TreeMap<>(Objects.requireNonNull(ports, "ports"));
        this.ports.forEach((port, number) -> Objects.requireNonNull(number, "port " + port));
    }

    /** A workload in {@code namespace} named {@code name} whose pods match {@code selector}. */
    public static Workload of(String namespace, String name, LabelSelector selector) {
        return new Workload(namespace, name, selector, "", Map.of());
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    /** The selector that picks this workload's pods inside its namespace. */
    public LabelSelector selector() {
        return selector;
    }

    /** The service account the pods run as, if declared. */
    public Optional<String> serviceAccount() {
        return serviceAccount.isEmpty() ? Optional.empty() : Optional.of(serviceAccount);
    }

    /** Named container ports, by name. */
    public SortedMap<String, PortNumber> ports() {
        return java.util.Collections.unmodifiableSortedMap(ports);
    }

    /** This workload, running as the given service account. */
    public Workload withServiceAccount(String serviceAccountName) {
        return new Workload(namespace, name, selector, serviceAccountName, ports);
    }

    /** This workload, with a named container port ({@code withPort("http", tcp(8080))}). */
    public Workload withPort(String portName, PortNumber port) {
        SortedMap<String, PortNumber> more = new TreeMap<>(ports);
        more.put(portName, port);
        return new Workload(namespace, name, selector, serviceAccount, more);
    }

    /** The same pods as a plain pod selection (namespace by name, plus this workload's selector). */
    public Pods asPods() {
        return new Pods(new NamespaceScope.Named(List.of(namespace)), selector);
    }

    /**
     * Starts "this workload accepts these requests from …": an ingress-side intent limited to HTTP requests.
     *
     * <p>{@code BACKEND.accepts(GET("/api/*")).from(serviceAccount(FRONTEND)).on(tcp(8080))}
     */
    public Steps.AcceptFrom accepts(HttpRule first, HttpRule... more) {
        return new Steps.Accepting(this, Steps.list(first, more));
    }

    /**
     * Starts "this workload accepts traffic from these peers": an ingress-side intent.
     *
     * <p>{@code BACKEND.accepts(FRONTEND).on(tcp(8080))}
     */
    public Steps.On accepts(Peer first, Peer... more) {
        return new Steps.Accepting(this, List.of()).from(first, more);
    }

    @Override
    public boolean isPods() {
        return true;
    }

    @Override
    public String shortName() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Workload)) {
            return false;
        }
        Workload that = (Workload) other;
        return namespace.equals(that.namespace) && name.equals(that.name) && selector.equals(that.selector)
                && serviceAccount.equals(that.serviceAccount) && ports.equals(that.ports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, name, selector, serviceAccount, ports);
    }

    /** Canonical text, e.g. {@code workload(shop/backend {app=backend} sa=backend ports=[http=tcp/8080])}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("workload(").append(Canonical.quote(namespace)).append('/')
                .append(Canonical.quote(name)).append(' ').append(selector);
        if (!serviceAccount.isEmpty()) {
            text.append(" sa=").append(Canonical.quote(serviceAccount));
        }
        if (!ports.isEmpty()) {
            StringBuilder portText = new StringBuilder();
            ports.forEach((portName, port) -> portText.append(portText.length() == 0 ? "" : ",")
                    .append(Canonical.quote(portName)).append('=').append(port));
            text.append(" ports=[").append(portText).append(']');
        }
        return text.append(')').toString();
    }
}
