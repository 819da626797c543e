package dev.kordon.simulator.istio;

import dev.kordon.simulator.Step;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection as the destination's proxy receives it: how it is secured, the peer identity it proves, whether the
 * proxy rejects it, and the steps that say why.
 *
 * @param security how the client's side secured it
 * @param peer     the peer's principal (Istio mTLS only), or empty
 * @param rejected whether the proxy refuses it before any authorization
 * @param steps    why
 */
record Connection(Security security, String peer, boolean rejected, List<Step> steps) {

    /** How a connection is secured. */
    enum Security {
        /** Istio mTLS: the peer's identity is known. */
        MTLS,
        /** Plaintext: no identity; HTTP readable. */
        PLAINTEXT,
        /** TLS originated with certificates outside the mesh: no identity, and HTTP not readable by the proxy. */
        CLIENT_TLS
    }

    Connection {
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(peer, "peer");
        steps = List.copyOf(steps);
    }

    Optional<String> peerIdentity() {
        return peer.isEmpty() ? Optional.empty() : Optional.of(peer);
    }

    /** What the client sent and what the proxy made of it, in one line. */
    String summary() {
        return String.join("; then ", steps.stream().map(Step::reason).toList());
    }

    /** What decides the rest of the evaluation: two connections with the same key get the same verdict. */
    String key() {
        return security + "|" + peer + "|" + rejected;
    }
}
