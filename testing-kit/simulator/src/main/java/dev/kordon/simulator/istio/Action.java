package dev.kordon.simulator.istio;

/** The action of an AuthorizationPolicy, in the order the proxy evaluates them (AUDIT never decides). */
enum Action {
    CUSTOM,
    DENY,
    ALLOW,
    AUDIT
}
