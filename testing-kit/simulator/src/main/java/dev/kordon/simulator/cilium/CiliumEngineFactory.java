package dev.kordon.simulator.cilium;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.engine.CniEngine;
import dev.kordon.simulator.engine.EngineFactory;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Cilium engine (profile {@code cni=cilium}): reads CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy
 * ({@code cilium.io/v2}) and Kubernetes NetworkPolicy as Cilium translates it, strictly, and decides flows as the
 * Cilium agent 1.20 would with its defaults (policy enforcement {@code default}, allow-localhost, no host firewall,
 * CIDR rules not matching cluster endpoints unless the profile says ipBlocks select pods).
 *
 * <pre>{@code
 * Simulator simulator = Simulator.build(cluster, manifests, EnforcementProfile.of(Cni.CILIUM, Mesh.NONE));
 * }</pre>
 */
public final class CiliumEngineFactory implements EngineFactory<CniEngine> {

    private static final String CLUSTER_NETWORK_POLICY = "policy.networking.k8s.io/v1alpha2/ClusterNetworkPolicy";

    @Override
    public Set<String> types() {
        return Set.of(CiliumPolicyParser.CNP, CiliumPolicyParser.CCNP, KubernetesPolicyParser.NP,
                CLUSTER_NETWORK_POLICY);
    }

    @Override
    public CniEngine create(Cluster cluster, List<Manifest> manifests, EnforcementProfile profile, Problems problems) {
        List<PolicyEntry> entries = new ArrayList<>();
        for (int order = 0; order < manifests.size(); order++) {
            Manifest manifest = manifests.get(order);
            switch (manifest.type()) {
                case CiliumPolicyParser.CNP, CiliumPolicyParser.CCNP ->
                        entries.addAll(new CiliumPolicyParser(manifest, order, problems).parse());
                case KubernetesPolicyParser.NP ->
                        entries.addAll(new KubernetesPolicyParser(manifest, order, problems).parse());
                case CLUSTER_NETWORK_POLICY -> problems.add(manifest, "", "is not supported by the cilium engine"
                        + " of the simulator yet (Cilium 1.20 enforces it in its Admin and Baseline tiers with"
                        + " --enable-k8s-cluster-network-policy)", "remove it to simulate the other policies");
                default -> problems.add(manifest, "", "is not read by the cilium engine (" + manifest.type() + ")",
                        "remove it");
            }
        }
        return new CiliumEngine(new DirectionEvaluator(cluster, entries, profile.ipBlockSelectsPods(),
                profile.ciliumPolicyEnforcement()));
    }
}
