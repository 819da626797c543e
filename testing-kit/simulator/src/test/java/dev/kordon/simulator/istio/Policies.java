package dev.kordon.simulator.istio;

/** AuthorizationPolicy manifests for tests. */
final class Policies {

    private Policies() {
    }

    /** An AuthorizationPolicy in {@code shop} selecting {@code app=api}, with the given spec lines after it. */
    static String onApi(String name, String spec) {
        return """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: %s, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                %s
                """.formatted(name, spec.indent(2).stripTrailing());
    }
}
