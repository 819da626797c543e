package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.cluster;
import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.last;
import static dev.kordon.simulator.cilium.CiliumFixture.manifests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.EnforcementProfile.CiliumEnforcement;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import org.junit.jupiter.api.Test;

/** Cilium's agent-wide enforcement mode ({@code enable-policy}): default, always, never (backends.md §4.4). */
class EnforcementModeTest {

    private static final String ALLOW_CLIENT = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: web-from-client, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app: web}}
              ingress:
              - fromEndpoints: [{matchLabels: {app: client}}]
                toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
            """;

    private static Simulator simulator(CiliumEnforcement mode, String yaml) {
        return Simulator.build(cluster(), yaml.isEmpty() ? java.util.List.of() : manifests(yaml),
                new EnforcementProfile(EnforcementProfile.Cni.CILIUM, EnforcementProfile.Mesh.NONE, false, false,
                        mode));
    }

    @Test
    void in_mode_always_an_endpoint_no_rule_selects_is_in_default_deny() {
        // given no policy at all
        Simulator simulator = simulator(CiliumEnforcement.ALWAYS, "");
        // when
        Verdict verdict = decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080);
        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(last(verdict, "ingress")).isEqualTo("default deny (policy enforcement mode always): no rule allows"
                + " TCP/8080 from " + "shop/client");
    }

    @Test
    void in_mode_always_the_rules_still_allow_what_they_name() {
        Simulator simulator = simulator(CiliumEnforcement.ALWAYS, ALLOW_CLIENT);
        assertThat(decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
        // egress of the client is in default deny too, so nothing leaves it; the web pod's ingress rule matches
        Verdict ingressOnly = decide(simulator, "shop/client", "shop/web", Transport.TCP, 8080);
        assertThat(last(ingressOnly, "egress")).startsWith("default deny (policy enforcement mode always)");
        assertThat(ingressOnly.steps()).anySatisfy(step -> assertThat(step.toString())
                .contains("[cilium ingress]").contains("allow"));
    }

    @Test
    void in_mode_never_nothing_is_enforced() {
        Simulator simulator = simulator(CiliumEnforcement.NEVER, ALLOW_CLIENT);
        Verdict verdict = decide(simulator, "other/client", "shop/web", Transport.TCP, 9090);
        assertThat(verdict.allowed()).isTrue();
        assertThat(last(verdict, "ingress")).isEqualTo("policy enforcement mode never: shop/web enforces no policy");
    }

    @Test
    void in_mode_default_an_unselected_endpoint_allows_everything() {
        Simulator simulator = simulator(CiliumEnforcement.DEFAULT, ALLOW_CLIENT);
        assertThat(decide(simulator, "shop/web", "shop/client", Transport.TCP, 9090).allowed()).isTrue();
        assertThat(decide(simulator, "other/client", "shop/web", Transport.TCP, 8080).allowed()).isFalse();
    }
}
