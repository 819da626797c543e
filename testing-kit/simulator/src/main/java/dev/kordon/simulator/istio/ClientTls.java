package dev.kordon.simulator.istio;

/**
 * What a client's proxy sends to a destination: AUTO (no DestinationRule TLS setting: Istio mTLS to a sidecar whose
 * port is not DISABLE, plaintext otherwise), or a DestinationRule's {@code tls.mode}. DISABLE sends plaintext;
 * SIMPLE and MUTUAL originate TLS with certificates outside the mesh; ISTIO_MUTUAL sends Istio mTLS.
 */
enum ClientTls {
    AUTO,
    DISABLE,
    SIMPLE,
    MUTUAL,
    ISTIO_MUTUAL
}
