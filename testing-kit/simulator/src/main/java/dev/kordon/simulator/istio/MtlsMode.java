package dev.kordon.simulator.istio;

/** The mTLS mode a PeerAuthentication sets for the workloads (and ports) it selects; UNSET inherits the parent's. */
enum MtlsMode {
    UNSET,
    DISABLE,
    PERMISSIVE,
    STRICT
}
