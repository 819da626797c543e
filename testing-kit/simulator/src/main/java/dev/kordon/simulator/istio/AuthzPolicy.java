package dev.kordon.simulator.istio;

import java.util.List;
import java.util.Objects;

/**
 * A parsed AuthorizationPolicy ({@code security.istio.io/v1} or {@code v1beta1}).
 *
 * @param resource  how messages name it, e.g. {@code AuthorizationPolicy foo/deny-get}
 * @param namespace its namespace ({@code default} when the manifest gives none)
 * @param scope     the workloads it applies to
 * @param action    its action (ALLOW when not given)
 * @param dryRun    whether {@code istio.io/dry-run} makes it evaluated but not enforced
 * @param provider  the CUSTOM action's extension provider, or empty
 * @param rules     its rules; none = it never matches (an ALLOW without rules allows nothing)
 */
record AuthzPolicy(String resource, String namespace, WorkloadScope scope, Action action, boolean dryRun,
        String provider, List<AuthzRule> rules) {

    AuthzPolicy {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(provider, "provider");
        rules = List.copyOf(rules);
    }
}
