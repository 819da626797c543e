package dev.kordon.simulator.generic;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.engine.CniEngine;
import dev.kordon.simulator.engine.EngineFactory;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generic engine: the upstream Kubernetes behaviour, as the e2e and network-policy-api conformance suites expect
 * it. It reads {@code networking.k8s.io/v1} NetworkPolicy, {@code policy.networking.k8s.io/v1alpha2}
 * ClusterNetworkPolicy, and the legacy {@code v1alpha1} AdminNetworkPolicy and BaselineAdminNetworkPolicy; every
 * manifest is parsed strictly, and every input the API server would reject is a problem.
 */
public final class GenericEngineFactory implements EngineFactory<CniEngine> {

    @Override
    public Set<String> types() {
        return Set.of(NetworkPolicyParser.TYPE, ClusterNetworkPolicyParser.TYPE, AdminNetworkPolicyParser.ADMIN_TYPE,
                AdminNetworkPolicyParser.BASELINE_TYPE);
    }

    @Override
    public CniEngine create(Cluster cluster, List<Manifest> manifests, EnforcementProfile profile, Problems problems) {
        List<NetworkPolicy> networkPolicies = new ArrayList<>();
        List<TieredPolicy> tiered = new ArrayList<>();
        Map<String, Manifest> seen = new HashMap<>();
        for (Manifest manifest : manifests) {
            String object = objectName(manifest);
            Manifest first = seen.putIfAbsent(manifest.apiVersion() + " " + object, manifest);
            if (first != null) {
                problems.add(manifest, "metadata.name", "is taken: " + object + " is also defined in "
                        + first.file() + " (document " + first.document() + ")", "give each object its own name, or"
                        + " keep one of them");
                continue;
            }
            switch (manifest.type()) {
                case NetworkPolicyParser.TYPE -> networkPolicies.add(new NetworkPolicyParser().parse(manifest,
                        problems));
                case ClusterNetworkPolicyParser.TYPE -> new ClusterNetworkPolicyParser().parse(manifest, problems)
                        .ifPresent(tiered::add);
                case AdminNetworkPolicyParser.ADMIN_TYPE -> new AdminNetworkPolicyParser().parseAdmin(manifest,
                        problems).ifPresent(tiered::add);
                case AdminNetworkPolicyParser.BASELINE_TYPE -> new AdminNetworkPolicyParser().parseBaseline(manifest,
                        problems).ifPresent(tiered::add);
                default -> problems.add(manifest, "", "is not read by the generic engine (" + manifest.type() + ")",
                        "give it only " + String.join(", ", types().stream().sorted().toList()));
            }
        }
        checkBaselineOrder(manifests, problems);
        return new GenericEngine(cluster, profile, networkPolicies, tiered);
    }

    /** {@code Kind namespace/name}; a NetworkPolicy written without a namespace is in {@code default}. */
    private static String objectName(Manifest manifest) {
        String namespace = manifest.namespace().isEmpty() && manifest.type().equals(NetworkPolicyParser.TYPE)
                ? "default" : manifest.namespace();
        return manifest.kind() + " " + (namespace.isEmpty() ? "" : namespace + "/") + manifest.name();
    }

    /** A BaselineAdminNetworkPolicy has no priority, so it cannot be ordered among Baseline ClusterNetworkPolicies. */
    private static void checkBaselineOrder(List<Manifest> manifests, Problems problems) {
        boolean baselineCnp = manifests.stream().anyMatch(m -> m.type().equals(ClusterNetworkPolicyParser.TYPE)
                && m.body().path("spec").path("tier").asString("").equals(Tier.BASELINE.written()));
        if (!baselineCnp) {
            return;
        }
        manifests.stream().filter(m -> m.type().equals(AdminNetworkPolicyParser.BASELINE_TYPE)).forEach(m ->
                problems.add(m, "", "has no priority, so it cannot be ordered among the Baseline-tier"
                        + " ClusterNetworkPolicies of the same cluster (no implementation serves both)",
                        "rewrite it as a ClusterNetworkPolicy with tier Baseline and a priority"));
    }
}
