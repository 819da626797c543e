package dev.kordon.simulator.istio;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A parsed PeerAuthentication: which mTLS mode the destination's proxy accepts.
 *
 * @param resource  how messages name it
 * @param namespace its namespace (in the root namespace without a selector: the whole mesh)
 * @param selector  the {@code matchLabels} of its selector; empty = namespace- or mesh-wide
 * @param mode      {@code mtls.mode}
 * @param portModes {@code portLevelMtls}: workload port to mode
 * @param created   {@code metadata.creationTimestamp} (the oldest of two conflicting policies wins), or empty
 */
record PeerAuthn(String resource, String namespace, SortedMap<String, String> selector, MtlsMode mode,
        SortedMap<Integer, MtlsMode> portModes, String created) {

    PeerAuthn {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(namespace, "namespace");
        selector = new TreeMap<>(selector);
        Objects.requireNonNull(mode, "mode");
        portModes = new TreeMap<>(portModes);
        Objects.requireNonNull(created, "created");
    }

    /** Whether two policies set the same modes. */
    boolean sameModes(PeerAuthn other) {
        return mode == other.mode && portModes.equals(other.portModes);
    }
}
