package dev.kordon.simulator.analysis;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * On random small clusters and NetworkPolicies (named ports, port ranges, ipBlocks with exceptions over pod and node
 * addresses, host-network pods, traffic to a pod's own node, policyTypes written or defaulted, TCP, UDP and SCTP),
 * with or without random cluster-wide policies ({@link RandomPolicies}: ClusterNetworkPolicies of both tiers,
 * AdminNetworkPolicies and the BaselineAdminNetworkPolicy, with tied priorities, every action, namespaces, pods,
 * networks, nodes and domainNames peers, named ports and port ranges), the connectivity matrix computed per rule
 * equals the one decided flow by flow, under both choices of ipBlocks selecting pods; under a mesh the per-rule way
 * declines.
 */
class PerRuleMatrixPropertyTest {

    @Property(tries = 100)
    void the_matrix_is_the_same_per_rule_and_flow_by_flow(@ForAll long seed) {
        Random random = new Random(seed);
        Cluster cluster = RandomPolicies.cluster(random);
        Problems problems = new Problems();
        List<Manifest> policies = new ManifestReader().read("random.yaml", RandomPolicies.networkPolicies(random), problems);
        problems.throwIfAny();
        for (boolean ipBlockSelectsPods : List.of(true, false)) {
            EnforcementProfile profile = new EnforcementProfile(EnforcementProfile.Cni.GENERIC,
                    EnforcementProfile.Mesh.NONE, false, ipBlockSelectsPods);
            PerRuleMatrixDifferentialTest.compare("seed " + seed + " under " + profile, cluster.pods(),
                    build(cluster, policies, profile), policies);
        }
    }

    @Property(tries = 150)
    void the_matrix_is_the_same_per_rule_and_flow_by_flow_with_cluster_wide_tiers(@ForAll long seed) {
        Random random = new Random(seed);
        Cluster cluster = RandomPolicies.cluster(random);
        String yaml = (random.nextInt(3) == 0 ? "" : RandomPolicies.networkPolicies(random))
                + RandomPolicies.clusterWidePolicies(random);
        Problems problems = new Problems();
        List<Manifest> policies = new ManifestReader().read("random.yaml", yaml, problems);
        problems.throwIfAny();
        List<EnforcementProfile> profiles = List.of(
                new EnforcementProfile(EnforcementProfile.Cni.GENERIC, EnforcementProfile.Mesh.NONE, false, true),
                new EnforcementProfile(EnforcementProfile.Cni.GENERIC, EnforcementProfile.Mesh.NONE, false, false),
                new EnforcementProfile(EnforcementProfile.Cni.GENERIC, EnforcementProfile.Mesh.ISTIO, false, true));
        for (EnforcementProfile profile : profiles) {
            PerRuleMatrixDifferentialTest.compare("seed " + seed + " under " + profile + ":\n" + yaml,
                    cluster.pods(), build(cluster, policies, profile), policies);
        }
    }

    private static Optional<Simulator> build(Cluster cluster, List<Manifest> policies, EnforcementProfile profile) {
        try {
            return Optional.of(Simulator.build(cluster, policies, profile));
        } catch (InputException e) {
            throw new AssertionError("the generator wrote an invalid policy: " + e.getMessage(), e);
        }
    }

}
