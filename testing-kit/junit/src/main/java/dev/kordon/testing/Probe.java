package dev.kordon.testing;

import dev.kordon.dsl.Workload;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Transport;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A connection attempt to check: from some endpoints to others, on a protocol and port, optionally carrying an HTTP
 * request. Immutable; each call returns a new probe. Start one with {@link Probes#from}.
 *
 * <pre>{@code
 * from(FRONTEND).to(BACKEND).port(8080)                 // TCP 8080
 * from(FRONTEND).to(BACKEND).post("/api/users").port(8080)
 * from(anyPodIn("marketing")).to(DATABASE).port(5432)
 * from(BACKEND).to(ip("198.51.100.7")).port(443)
 * from("shop/frontend").to("kube-system/kube-dns").udp(53)
 * }</pre>
 *
 * <p>A probe stands for every flow between the pods on its two sides: it is allowed when each of them is, and denied
 * when each of them is.
 */
public final class Probe {

    private final Endpoints source;
    private final Endpoints destination;
    private final Transport transport;
    private final int port;
    private final String method;
    private final String path;
    private final String host;
    private final Map<String, String> headers;
    private final HttpRequest.Jwt jwt;

    private Probe(Endpoints source, Endpoints destination, Transport transport, int port, String method, String path,
            String host, Map<String, String> headers) {
        this(source, destination, transport, port, method, path, host, headers, null);
    }

    private Probe(Endpoints source, Endpoints destination, Transport transport, int port, String method, String path,
            String host, Map<String, String> headers, HttpRequest.Jwt jwt) {
        this.source = source;
        this.destination = destination;
        this.transport = transport;
        this.port = port;
        this.method = method;
        this.path = path;
        this.host = host;
        this.headers = headers;
        this.jwt = jwt;
    }

    static Probe from(Endpoints source) {
        return new Probe(Objects.requireNonNull(source, "source"), null, Transport.TCP, -1, null, null, "", Map.of());
    }

    static Probe towards(Endpoints destination) {
        return new Probe(null, Objects.requireNonNull(destination, "destination"), Transport.TCP, -1, null, null, "",
                Map.of());
    }

    /** This probe towards the workload's pods. */
    public Probe to(Workload workload) {
        return to(Endpoints.workload(workload), true);
    }

    /** This probe towards the pods of the cluster's workload {@code namespace/name}. */
    public Probe to(String namespaceSlashName) {
        return to(Endpoints.named(namespaceSlashName), true);
    }

    /** This probe towards these endpoints. */
    public Probe to(Endpoints endpoints) {
        return to(endpoints, true);
    }

    private Probe to(Endpoints endpoints, boolean checked) {
        if (destination != null && checked) {
            throw new IllegalStateException("probe " + this + " already has a destination; call to(...) once");
        }
        return new Probe(source, Objects.requireNonNull(endpoints, "destination"), transport, port, method, path, host,
                headers, jwt);
    }

    /** On this TCP port. */
    public Probe port(int number) {
        return on(Transport.TCP, number);
    }

    /** On this TCP port. */
    public Probe tcp(int number) {
        return on(Transport.TCP, number);
    }

    /** On this UDP port. */
    public Probe udp(int number) {
        return on(Transport.UDP, number);
    }

    /** On this SCTP port. */
    public Probe sctp(int number) {
        return on(Transport.SCTP, number);
    }

    private Probe on(Transport newTransport, int number) {
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + number);
        }
        if (method != null && newTransport != Transport.TCP) {
            throw new IllegalArgumentException("an HTTP request travels over TCP, not " + newTransport
                    + "; use port(" + number + ") or drop the request");
        }
        return new Probe(source, destination, newTransport, number, method, path, host, headers, jwt);
    }

    /** Carrying {@code GET path}. */
    public Probe get(String requestPath) {
        return request("GET", requestPath);
    }

    /** Carrying {@code POST path}. */
    public Probe post(String requestPath) {
        return request("POST", requestPath);
    }

    /** Carrying {@code PUT path}. */
    public Probe put(String requestPath) {
        return request("PUT", requestPath);
    }

    /** Carrying {@code DELETE path}. */
    public Probe delete(String requestPath) {
        return request("DELETE", requestPath);
    }

    /** Carrying an HTTP request with this method and path. */
    public Probe request(String requestMethod, String requestPath) {
        Objects.requireNonNull(requestMethod, "method");
        Objects.requireNonNull(requestPath, "path");
        if (!requestPath.startsWith("/")) {
            throw new IllegalArgumentException("an HTTP path starts with '/': '" + requestPath + "'");
        }
        if (transport != Transport.TCP) {
            throw new IllegalArgumentException("an HTTP request travels over TCP, not " + transport);
        }
        return new Probe(source, destination, transport, port, requestMethod.toUpperCase(Locale.ROOT), requestPath,
                host, headers);
    }

    /** With this {@code Host} (authority) in the request. */
    public Probe host(String requestHost) {
        requireRequest("host");
        return new Probe(source, destination, transport, port, method, path, Objects.requireNonNull(requestHost),
                headers, jwt);
    }

    /** With this header in the request. */
    public Probe header(String name, String value) {
        requireRequest("header");
        Map<String, String> more = new TreeMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Probe(source, destination, transport, port, method, path, host, Map.copyOf(more), jwt);
    }

    /**
     * With a validly signed bearer JWT of this issuer and subject and these claims (strings, lists or nested maps),
     * as a RequestAuthentication would validate it: {@code .get("/admin").jwt("https://idp.example", "alice",
     * Map.of("role", "admin"))}. Whether the mesh accepts the token is still decided by its RequestAuthentications.
     */
    public Probe jwt(String issuer, String subject, Map<String, ?> claims) {
        requireRequest("JWT");
        return new Probe(source, destination, transport, port, method, path, host, headers,
                new HttpRequest.Jwt(issuer, subject, Map.copyOf(claims)));
    }

    private void requireRequest(String what) {
        if (method == null) {
            throw new IllegalStateException("a " + what + " belongs to an HTTP request; call get(path), post(path) or"
                    + " request(method, path) first");
        }
    }

    Optional<Endpoints> source() {
        return Optional.ofNullable(source);
    }

    Optional<Endpoints> destination() {
        return Optional.ofNullable(destination);
    }

    Transport transport() {
        return transport;
    }

    /** The port, or -1 when none was given. */
    int port() {
        return port;
    }

    boolean hasRequest() {
        return method != null;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String host() {
        return host;
    }

    Map<String, String> headers() {
        return headers;
    }

    Optional<HttpRequest.Jwt> token() {
        return Optional.ofNullable(jwt);
    }

    /** This probe with the missing side filled in by the workload an assertion is about. */
    Probe completedWith(Endpoints subject) {
        if (source == null) {
            return new Probe(subject, destination, transport, port, method, path, host, headers, jwt);
        }
        if (destination == null) {
            return to(subject, false);
        }
        return this;
    }

    /** The probe as written: {@code shop/frontend -> shop/backend TCP/8080 GET /api/users}. */
    @Override
    public String toString() {
        String l4 = port < 0 ? transport + "/?" : transport + "/" + port;
        String request = method == null ? "" : " " + method + " " + (host.isEmpty() ? "" : host) + path
                + (jwt == null ? "" : " with a JWT of " + jwt.issuer() + " for " + jwt.subject());
        return (source == null ? "?" : source) + " -> " + (destination == null ? "?" : destination) + " " + l4 + request;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Probe that && toString().equals(that.toString()) && headers.equals(that.headers)
                && Objects.equals(jwt, that.jwt);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
