package dev.kordon.simulator.istio;

import java.util.List;
import java.util.Objects;

/**
 * A parsed RequestAuthentication: the JWT issuers the proxy of the workloads it applies to validates.
 *
 * @param resource  how messages name it
 * @param namespace its namespace
 * @param scope     the workloads it applies to
 * @param rules     its {@code jwtRules}
 */
record RequestAuthn(String resource, String namespace, WorkloadScope scope, List<JwtRule> rules) {

    RequestAuthn {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(scope, "scope");
        rules = List.copyOf(rules);
    }
}
