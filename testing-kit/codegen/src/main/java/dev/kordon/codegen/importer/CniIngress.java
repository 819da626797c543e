package dev.kordon.codegen.importer;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.engine.Engines;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether the L3/L4 policies of an import may decide ingress at some pods, so that an Istio ALLOW for those pods would
 * have to be intersected with them (a flow passes both layers), which the DSL's adding allows cannot say.
 *
 * <p>Kubernetes NetworkPolicies are judged by namespace and labels: one with Ingress among its policyTypes decides
 * for the pods of its namespace that its podSelector can select together with the ALLOW's labels. Every other L3/L4
 * family (cluster-wide tiers, Cilium, Calico) is taken to decide wherever it could: in its namespace, or everywhere
 * when it is cluster-wide.
 */
final class CniIngress {

    private final List<Manifest> policies;

    private CniIngress(List<Manifest> policies) {
        this.policies = policies;
    }

    /** The L3/L4 policies among every object of the import. */
    static CniIngress of(List<Manifest> all) {
        return new CniIngress(all.stream().filter(CniIngress::isCniPolicy).toList());
    }

    static boolean isCniPolicy(Manifest manifest) {
        return Set.of(EnforcementProfile.Cni.values()).stream()
                .anyMatch(cni -> Engines.cni(cni).types().contains(manifest.type()));
    }

    /**
     * Whether some L3/L4 policy may decide ingress at a pod of {@code namespace} (every namespace when empty) that has
     * the {@code labels} (and maybe others).
     */
    boolean mayDecide(String namespace, Map<String, String> labels) {
        return policies.stream().anyMatch(policy -> mayDecide(policy, namespace, labels));
    }

    private static boolean mayDecide(Manifest policy, String namespace, Map<String, String> labels) {
        boolean namespaced = !policy.namespace().isEmpty();
        if (namespaced && !namespace.isEmpty() && !policy.namespace().equals(namespace)) {
            return false;
        }
        if (!policy.type().equals(NetworkPolicyImport.TYPE)) {
            return true;
        }
        JsonNode spec = policy.body().path("spec");
        boolean ingress = !spec.has("policyTypes");
        for (JsonNode written : spec.path("policyTypes")) {
            ingress |= written.asString("").equals("Ingress");
        }
        return ingress && mayOverlap(ImportedSelectors.read(policy, "spec.podSelector", spec.path("podSelector"),
                new Problems()), labels);
    }

    /**
     * Whether a pod with {@code labels} (and any others) can match the selector: every requirement on one of those
     * labels must hold for its value; a requirement on another label can be met by the other labels.
     */
    static boolean mayOverlap(LabelSelector selector, Map<String, String> labels) {
        for (LabelRequirement requirement : selector.requirements()) {
            if (labels.containsKey(requirement.key())
                    && !new LabelSelector(List.of(requirement)).matches(Map.of(requirement.key(),
                    labels.get(requirement.key())))) {
                return false;
            }
        }
        return true;
    }
}
