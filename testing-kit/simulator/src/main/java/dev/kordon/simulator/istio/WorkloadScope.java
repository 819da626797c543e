package dev.kordon.simulator.istio;

import dev.kordon.simulator.cluster.Pod;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which workloads an Istio policy applies to: those its {@code selector} (only {@code matchLabels}) selects, in its
 * namespace or, from the root namespace, in every namespace; or the Gateway API gateways its {@code targetRefs} name
 * (their pods carry {@code gateway.networking.k8s.io/gateway-name}).
 */
sealed interface WorkloadScope {

    /** The label Istio puts on the pods of a Gateway API gateway it deploys. */
    String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

    /** Whether a policy in {@code namespace} with this scope applies to the pod. */
    boolean applies(String namespace, Pod pod, String rootNamespace);

    /** How messages name the scope. */
    String describe();

    /** A {@code selector}: every workload whose labels include these; none = every workload. */
    record Selector(SortedMap<String, String> matchLabels) implements WorkloadScope {
        public Selector {
            matchLabels = new TreeMap<>(matchLabels);
        }

        @Override
        public boolean applies(String namespace, Pod pod, String rootNamespace) {
            boolean inScope = namespace.equals(pod.namespace()) || namespace.equals(rootNamespace);
            return inScope && selects(pod.labels());
        }

        /** Whether the labels include every label of the selector. */
        boolean selects(Map<String, String> labels) {
            return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }

        @Override
        public String describe() {
            return matchLabels.isEmpty() ? "every workload" : "workloads labelled " + matchLabels;
        }
    }

    /** {@code targetRefs} to Gateway API gateways of the policy's namespace. */
    record Gateways(List<String> names) implements WorkloadScope {
        public Gateways {
            names = List.copyOf(names);
        }

        @Override
        public boolean applies(String namespace, Pod pod, String rootNamespace) {
            return namespace.equals(pod.namespace()) && names.contains(pod.labels().getOrDefault(GATEWAY_NAME_LABEL, ""));
        }

        @Override
        public String describe() {
            return "the pods of Gateway " + String.join(", ", names);
        }
    }
}
