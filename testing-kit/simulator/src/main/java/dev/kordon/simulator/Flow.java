package dev.kordon.simulator;

import java.util.Objects;
import java.util.Optional;

/**
 * One connection attempt: from a source to a destination with a protocol and destination port (0 for protocols
 * without ports), an ICMP type where it applies, and the HTTP request it carries, if any.
 */
public final class Flow {

    private final Endpoint source;
    private final Endpoint destination;
    private final Transport transport;
    private final int port;
    private final int icmpType;
    private final HttpRequest http;

    private Flow(Endpoint source, Endpoint destination, Transport transport, int port, int icmpType,
            HttpRequest http) {
        this.source = Objects.requireNonNull(source, "source");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.port = port;
        this.icmpType = icmpType;
        this.http = http;
    }

    /** A flow on a port of TCP, UDP or SCTP. */
    public static Flow of(Endpoint source, Endpoint destination, Transport transport, int port) {
        return new Flow(source, destination, transport, port, -1, null);
    }

    /** An ICMP (or ICMPv6) flow of a type. */
    public static Flow icmp(Endpoint source, Endpoint destination, Transport transport, int type) {
        return new Flow(source, destination, transport, 0, type, null);
    }

    /** This flow carrying an HTTP request (TCP only). */
    public Flow withHttp(HttpRequest request) {
        return new Flow(source, destination, transport, port, icmpType, Objects.requireNonNull(request, "request"));
    }

    public Endpoint source() {
        return source;
    }

    public Endpoint destination() {
        return destination;
    }

    public Transport transport() {
        return transport;
    }

    /** The destination port; 0 for protocols without ports. */
    public int port() {
        return port;
    }

    /** The ICMP type, or -1. */
    public int icmpType() {
        return icmpType;
    }

    /** The HTTP request, if the flow carries one. */
    public Optional<HttpRequest> http() {
        return Optional.ofNullable(http);
    }

    @Override
    public String toString() {
        String l4 = transport.hasPorts() ? transport + "/" + port : transport + (icmpType >= 0 ? " type " + icmpType : "");
        return source + " -> " + destination + " " + l4 + (http == null ? "" : " " + http);
    }
}
