package dev.kordon.simulator.istio;

import java.util.Objects;
import java.util.Optional;

/**
 * What the destination's proxy knows of a connection when it authorizes it: the peer's mesh identity (only over
 * Istio mTLS), the addresses and port, whether the client's TLS server name is known, and the HTTP request (absent for
 * a TCP connection, including TLS the client's proxy originated, which the destination's proxy cannot read).
 */
final class RequestFacts {

    private final String peer;
    private final String sourceIp;
    private final String destinationIp;
    private final int port;
    private final boolean tls;
    private final HttpFacts http;

    RequestFacts(Optional<String> peer, String sourceIp, String destinationIp, int port, boolean tls,
            Optional<HttpFacts> http) {
        this.peer = peer.orElse(null);
        this.sourceIp = Objects.requireNonNull(sourceIp, "sourceIp");
        this.destinationIp = Objects.requireNonNull(destinationIp, "destinationIp");
        this.port = port;
        this.tls = tls;
        this.http = http.orElse(null);
    }

    /** The peer's principal without {@code spiffe://}, e.g. {@code cluster.local/ns/x/sa/y}; empty for plaintext. */
    Optional<String> peer() {
        return Optional.ofNullable(peer);
    }

    /** The direct peer address (also the remote address: sidecars trust no proxy by default). */
    String sourceIp() {
        return sourceIp;
    }

    String destinationIp() {
        return destinationIp;
    }

    /** The destination (workload) port. */
    int port() {
        return port;
    }

    /** Whether the connection is TLS, whose server name (SNI) names a Service the probe does not give. */
    boolean tls() {
        return tls;
    }

    /** The HTTP request, or empty for a TCP connection. */
    Optional<HttpFacts> http() {
        return Optional.ofNullable(http);
    }

    /** How messages show the peer. */
    String describePeer() {
        return peer == null ? "no peer identity (plaintext)" : "peer " + peer;
    }
}
