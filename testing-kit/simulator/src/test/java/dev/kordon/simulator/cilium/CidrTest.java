package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.last;
import static dev.kordon.simulator.cilium.CiliumFixture.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import org.junit.jupiter.api.Test;

class CidrTest {

    private static final String TO_10_SLASH_8 = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: p, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app: client}}
              egress:
              - toCIDR: [10.0.0.0/8]
            """;

    @Test
    void a_cidr_rule_does_not_match_pods_inside_it() {
        // given
        Simulator simulator = simulator(TO_10_SLASH_8);
        // when
        String reason = last(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080), "egress");
        // then
        assertThat(reason).contains("peer differs (toCIDR[0] 10.0.0.0/8 does not match shop/web: CIDR rules match"
                + " only addresses outside the cluster, never pods or nodes)");
    }

    @Test
    void a_cidr_rule_does_not_match_nodes_inside_it() {
        // given
        Simulator simulator = simulator(TO_10_SLASH_8);
        // then
        assertThat(decide(simulator, "shop/client", "ip:10.0.0.2", Transport.TCP, 22).allowed()).isFalse();
    }

    @Test
    void a_cidr_rule_matches_outside_addresses() {
        // given
        Simulator simulator = simulator(TO_10_SLASH_8);
        // then
        assertThat(decide(simulator, "shop/client", "ip:10.200.0.1", Transport.TCP, 443).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "ip:11.0.0.1", Transport.TCP, 443).allowed()).isFalse();
    }

    @Test
    void a_cidr_rule_matches_pods_when_the_profile_says_ip_blocks_select_pods() {
        // given
        Simulator simulator = simulator(TO_10_SLASH_8, new EnforcementProfile(EnforcementProfile.Cni.CILIUM,
                EnforcementProfile.Mesh.NONE, false, true));
        // then
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isTrue();
    }

    @Test
    void a_cidr_set_excludes_its_exceptions() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: client}}
                  egress:
                  - toCIDRSet: [{cidr: 2606:4700:4700::/96, except: ["2606:4700:4700::1001/128"]}]
                """);
        // then
        assertThat(decide(simulator, "shop/client", "ip:2606:4700:4700::1111", Transport.TCP, 443).allowed())
                .isTrue();
        assertThat(last(decide(simulator, "shop/client", "ip:2606:4700:4700::1001", Transport.TCP, 443), "egress"))
                .contains("toCIDRSet[0] 2606:4700:4700::/96 except 2606:4700:4700::1001/128 excepts"
                        + " 2606:4700:4700::1001");
    }
}
