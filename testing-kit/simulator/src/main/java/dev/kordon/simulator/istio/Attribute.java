package dev.kordon.simulator.istio;

import java.util.List;

/**
 * What a field or condition of an AuthorizationPolicy tests, whether it exists only for HTTP ({@code methods},
 * {@code paths}, {@code hosts}, request principals and {@code request.*} conditions), and how messages show the
 * request's side of it.
 */
enum Attribute {
    PEER(false),
    REQUEST_PRINCIPAL(true),
    SOURCE_IP(false),
    REMOTE_IP(false),
    DESTINATION_IP(false),
    PORT(false),
    HOST(true),
    METHOD(true),
    PATH(true),
    HEADER(true),
    CLAIM(true),
    SNI(false),
    ENVOY_METADATA(false);

    private final boolean httpOnly;

    Attribute(boolean httpOnly) {
        this.httpOnly = httpOnly;
    }

    /** Whether Istio generates it only on HTTP filter chains (on TCP: ALLOW rule skipped, DENY condition dropped). */
    boolean httpOnly() {
        return httpOnly;
    }

    /** The request's side, for messages; {@code key} is the header name or the claim path. */
    String actual(RequestFacts facts, List<String> key) {
        return switch (this) {
            case PEER -> facts.describePeer();
            case SOURCE_IP -> "source " + facts.sourceIp();
            case REMOTE_IP -> "remote " + facts.sourceIp();
            case DESTINATION_IP -> "destination " + facts.destinationIp();
            case PORT -> "port " + facts.port();
            case SNI -> facts.tls() ? "a TLS server name the probe does not give" : "no TLS server name (plaintext)";
            case ENVOY_METADATA -> "Envoy filter metadata, which the simulator does not model";
            default -> facts.http().map(http -> httpActual(http, key)).orElse("a TCP connection");
        };
    }

    private String httpActual(HttpFacts http, List<String> key) {
        return switch (this) {
            case REQUEST_PRINCIPAL -> http.jwt().map(jwt -> "request principal " + jwt.principal())
                    .orElse("no validated JWT");
            case HOST -> http.host().map(host -> "host " + host).orElse("no host given");
            case METHOD -> "method " + http.method();
            case PATH -> "path " + http.path();
            case HEADER -> http.opaque(key.get(0)) ? "header " + key.get(0) + " (value not known)"
                    : http.header(key.get(0)).map(value -> "header " + key.get(0) + ": " + value)
                            .orElse("no header " + key.get(0));
            case CLAIM -> http.jwt().map(jwt -> jwt.claim(key).map(value -> "claim " + String.join(".", key)
                    + ": " + value).orElse("no claim " + String.join(".", key))).orElse("no validated JWT");
            default -> name();
        };
    }
}
