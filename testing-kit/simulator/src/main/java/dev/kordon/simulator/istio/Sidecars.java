package dev.kordon.simulator.istio;

import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Pod;
import java.util.Map;
import java.util.Optional;

/**
 * Which pods run an Istio proxy. A gateway pod ({@code istio=ingressgateway|egressgateway}, or a Gateway API
 * gateway's {@code gateway.networking.k8s.io/gateway-name}) is a proxy itself. A host-network pod gets no sidecar, nor
 * a pod labelled {@code sidecar.istio.io/inject=false}, nor a pod of a namespace labelled
 * {@code istio-injection=disabled}. When some namespace of the cluster opts in to injection
 * ({@code istio-injection=enabled} or {@code istio.io/rev}), only pods of such namespaces (or labelled
 * {@code sidecar.istio.io/inject=true}) get one, as Istio's injector does; when none says anything, every pod is taken
 * to be in the mesh. A meshed pod's identity is {@code cluster.local/ns/<namespace>/sa/<account>} (the default trust
 * domain).
 */
final class Sidecars {

    static final String TRUST_DOMAIN = "cluster.local";

    private static final String INJECTION = "istio-injection";
    private static final String REVISION = "istio.io/rev";
    private static final String INJECT = "sidecar.istio.io/inject";

    private final Cluster cluster;
    private final boolean optIn;

    Sidecars(Cluster cluster) {
        this.cluster = cluster;
        this.optIn = cluster.namespaces().stream().map(Namespace::labels).anyMatch(Sidecars::optsIn);
    }

    /** Why the pod has no proxy, or empty when it has one. */
    Optional<String> whyNone(Pod pod) {
        if (pod.hostNetwork()) {
            return Optional.of(pod.id() + " uses the host network, where no sidecar is injected");
        }
        if (gateway(pod)) {
            return Optional.empty();
        }
        if ("false".equals(pod.labels().get(INJECT))) {
            return Optional.of(pod.id() + " is labelled " + INJECT + "=false");
        }
        Map<String, String> namespace = cluster.namespaceLabels(pod.namespace());
        if ("disabled".equals(namespace.get(INJECTION))) {
            return Optional.of("namespace " + pod.namespace() + " is labelled " + INJECTION + "=disabled");
        }
        if (optIn && !optsIn(namespace) && !"true".equals(pod.labels().get(INJECT))) {
            return Optional.of("namespace " + pod.namespace() + " is not labelled " + INJECTION + "=enabled (or "
                    + REVISION + "), as the meshed namespaces of this cluster are");
        }
        return Optional.empty();
    }

    /** Whether the pod is a gateway: a proxy whose listeners PeerAuthentication does not configure. */
    boolean gateway(Pod pod) {
        String istio = pod.labels().getOrDefault("istio", "");
        return istio.equals("ingressgateway") || istio.equals("egressgateway")
                || pod.labels().containsKey(WorkloadScope.GATEWAY_NAME_LABEL);
    }

    private static boolean optsIn(Map<String, String> labels) {
        return "enabled".equals(labels.get(INJECTION)) || labels.containsKey(REVISION);
    }

    /** The SPIFFE identity of a meshed pod, without {@code spiffe://}. */
    static String principal(Pod pod) {
        return TRUST_DOMAIN + "/ns/" + pod.namespace() + "/sa/" + pod.serviceAccount();
    }
}
