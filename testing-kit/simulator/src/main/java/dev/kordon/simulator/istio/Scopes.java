package dev.kordon.simulator.istio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Reads the workload scope of an Istio security policy: {@code selector}, or {@code targetRef}/{@code targetRefs}. */
final class Scopes {

    private static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

    private Scopes() {
    }

    /** The scope of a policy's {@code spec}; targetRefs only where the kind has them. */
    static WorkloadScope read(Yaml yaml, JsonNode spec, boolean targetRefs) {
        boolean selector = Yaml.present(spec.path("selector"));
        List<JsonNode> refs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (targetRefs && Yaml.present(spec.path("targetRef"))) {
            refs.add(spec.path("targetRef"));
            paths.add("spec.targetRef");
        }
        List<JsonNode> listed = targetRefs ? yaml.list("spec.targetRefs", spec.path("targetRefs")) : List.of();
        for (int i = 0; i < listed.size(); i++) {
            refs.add(listed.get(i));
            paths.add(Yaml.at("spec.targetRefs", i));
        }
        if (listed.size() > 16) {
            yaml.problem("spec.targetRefs", "has " + listed.size() + " references; at most 16 are allowed",
                    "split the policy");
        }
        if (selector && !refs.isEmpty() || refs.size() > listed.size() && !listed.isEmpty()) {
            yaml.problem("spec", "sets more than one of selector, targetRef and targetRefs",
                    "keep only one of them");
        }
        if (refs.isEmpty()) {
            return new WorkloadScope.Selector(selector ? yaml.workloadSelector("spec.selector", spec.path("selector"))
                    : new TreeMap<>());
        }
        List<String> gateways = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            gateway(yaml, paths.get(i), refs.get(i)).ifPresent(gateways::add);
        }
        return new WorkloadScope.Gateways(gateways);
    }

    private static Optional<String> gateway(Yaml yaml, String path, JsonNode ref) {
        if (!yaml.element(path, ref, "group", "kind", "name", "namespace")) {
            return Optional.empty();
        }
        String group = yaml.string(Yaml.at(path, "group"), ref.path("group")).orElse("");
        String kind = yaml.string(Yaml.at(path, "kind"), ref.path("kind")).orElse("");
        String name = yaml.string(Yaml.at(path, "name"), ref.path("name")).orElse("");
        String namespace = yaml.string(Yaml.at(path, "namespace"), ref.path("namespace")).orElse(yaml.namespace());
        if (name.isEmpty()) {
            yaml.problem(Yaml.at(path, "name"), "is missing", "name the Gateway the policy applies to");
            return Optional.empty();
        }
        if (!namespace.equals(yaml.namespace())) {
            yaml.problem(Yaml.at(path, "namespace"), "is " + namespace + "; cross-namespace references are not"
                    + " allowed", "put the policy in the namespace of " + name);
            return Optional.empty();
        }
        if (!kind.equals("Gateway") || !group.equals(GATEWAY_GROUP)) {
            yaml.problem(path, "targets " + (group.isEmpty() ? "" : group + "/") + kind + " " + name
                    + "; the simulator models sidecars and Gateway API gateways, not waypoint proxies (ambient)"
                    + " or gateway classes", "target a Gateway (group " + GATEWAY_GROUP
                    + ") or select the workloads with a selector");
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
