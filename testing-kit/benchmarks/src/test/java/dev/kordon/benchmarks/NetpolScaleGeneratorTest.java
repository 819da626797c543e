package dev.kordon.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.input.Manifest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A smoke test of the generator only: the benchmarks themselves run from target/benchmarks.jar. */
class NetpolScaleGeneratorTest {

    private final ScaleProfile profile = ScaleProfile.medium(12, 20);

    @Test
    void sameSeedSameWorkload() {
        NetpolScaleGenerator.Workload first = NetpolScaleGenerator.generate(profile, 7);
        NetpolScaleGenerator.Workload again = NetpolScaleGenerator.generate(profile, 7);
        assertThat(again.yaml()).isEqualTo(first.yaml());
        assertThat(again.cluster()).isEqualTo(first.cluster());
        assertThat(NetpolScaleGenerator.generate(profile, 8).yaml()).isNotEqualTo(first.yaml());
    }

    @Test
    void countsFollowTheProfile() {
        NetpolScaleGenerator.Workload workload = NetpolScaleGenerator.generate(profile, 7);
        assertThat(workload.cluster().namespaces()).hasSize(12);
        assertThat(workload.cluster().pods()).hasSize(240);
        assertThat(workload.policies()).hasSize(240);
        assertThat(workload.policies()).filteredOn(m -> m.name().startsWith("ingress-")).hasSize(120);
        assertThat(workload.policies()).filteredOn(m -> m.namespace().equals("ns-0003")).hasSize(20);
        for (Manifest policy : workload.policies()) {
            JsonNode spec = policy.body().path("spec");
            String direction = policy.name().startsWith("ingress-") ? "ingress" : "egress";
            assertThat(spec.path("podSelector").path("matchExpressions").get(0).path("values")).hasSize(10);
            JsonNode rule = spec.path(direction).get(0);
            JsonNode peers = rule.path(direction.equals("ingress") ? "from" : "to");
            assertThat(peers).hasSize(20);
            for (int i = 0; i < 10; i++) {
                JsonNode peer = peers.get(i);
                assertThat(peer.path("namespaceSelector").path("matchExpressions").get(0).path("values")).hasSize(10);
                assertThat(peer.path("podSelector").path("matchExpressions").get(0).path("values")).hasSize(10);
            }
            for (int i = 10; i < 20; i++) {
                assertThat(peers.get(i).path("ipBlock").path("cidr").asString()).startsWith("192.168.");
            }
            JsonNode ports = rule.path("ports");
            assertThat(ports).hasSize(20);
            int ranges = 0;
            for (JsonNode port : ports) {
                ranges += port.has("endPort") ? 1 : 0;
            }
            assertThat(ranges).isEqualTo(10);
        }
    }

    @Test
    void theSimulatorLoadsIt() {
        NetpolScaleGenerator.Workload workload = NetpolScaleGenerator.generate(ScaleProfile.medium(3, 10), 1);
        Simulator simulator = Simulator.build(workload.cluster(), workload.policies(), EnforcementProfile.generic());
        assertThat(simulator.cluster().pods()).hasSize(30);
    }

    @Test
    void guardrailsAddTenantLabelsDnsPodsAndClusterNetworkPolicies() {
        NetpolScaleGenerator.Workload workload = NetpolScaleGenerator.generate(profile, new Guardrails(5), 7);
        assertThat(workload.cluster().namespaces()).hasSize(13);
        assertThat(workload.cluster().namespaceLabels("ns-0007")).containsEntry("tenant", "t-02");
        assertThat(workload.cluster().pods()).hasSize(242);
        assertThat(workload.policies()).filteredOn(m -> m.kind().equals("ClusterNetworkPolicy")).hasSize(9)
                .extracting(Manifest::name).contains("deny-metadata", "allow-dns", "tenant-05-isolation",
                        "dns-ingress", "default-deny-ingress");
        assertThat(workload.yaml()).startsWith(NetpolScaleGenerator.generate(profile, 7).yaml());
        Simulator simulator = Simulator.build(workload.cluster(), workload.policies(), EnforcementProfile.generic());
        assertThat(simulator.cluster().pods()).hasSize(242);
    }

    @Test
    void rejectsImpossibleProfiles() {
        assertThatThrownBy(() -> new ScaleProfile(2, 5, 1, 6, 1, 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localPods");
    }
}
