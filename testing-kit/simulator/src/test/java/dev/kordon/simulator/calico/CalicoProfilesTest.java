package dev.kordon.simulator.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.input.InputProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles decide after the last tier; pods may list theirs (the calicoProfiles field of NCA cases). */
class CalicoProfilesTest {

    private static final String PROFILE = """
            apiVersion: projectcalico.org/v3
            kind: Profile
            metadata: {name: only-trusted}
            spec:
              labelsToApply: {zone: dmz}
              ingress: [{action: Allow, source: {selector: trusted == 'yes'}}]
              egress: [{action: Allow}]
            """;

    private static CalicoWorld world() {
        return CalicoWorld.create().namespace("shop")
                .pod("shop/web", "10.0.0.1", "default", List.of(), Map.of(), "trusted=yes")
                .pod("shop/other", "10.0.0.3", "default", List.of(), Map.of(), "trusted=no")
                .pod("shop/bare", "10.0.0.2", "default", List.of(), Map.of("calicoProfiles", List.of()), "app=bare")
                .pod("shop/dmz", "10.0.0.4", "default", List.of(), Map.of("calicoProfiles", List.of("only-trusted")),
                        "app=dmz")
                .pod("shop/vm", "10.0.0.5", "default", List.of(), Map.of("calicoWorkloadEndpoint", false), "app=vm");
    }

    @Test
    void an_endpoint_without_profiles_is_denied_when_no_tier_decides() {
        // given
        CalicoWorld world = world().policies(PROFILE);

        // when
        Verdict verdict = world.tcp("shop/web", "shop/bare", 80);

        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(CalicoWorld.lines(verdict)).last().isEqualTo("[calico ingress] deny - no policy selects shop/bare"
                + " for ingress, so no tier applies; no rule of the profiles of shop/bare [] allows the flow, so"
                + " Calico denies it");
    }

    @Test
    void a_profile_given_as_a_manifest_decides_with_its_rules_and_passes_its_labels_on() {
        // given
        CalicoWorld world = world().policies(PROFILE + """
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: dmz-out}
                spec:
                  selector: zone == 'dmz'
                  egress: [{action: Deny, destination: {selector: trusted == 'yes'}}, {action: Pass}]
                """);

        // then
        assertThat(world.tcp("shop/web", "shop/dmz", 80).allowed()).isTrue();
        assertThat(world.tcp("shop/other", "shop/dmz", 80).allowed()).isFalse();
        assertThat(world.tcp("shop/dmz", "shop/web", 80).allowed()).isFalse();
        assertThat(world.tcp("shop/dmz", "shop/other", 80).allowed()).isTrue();
    }

    @Test
    void a_pod_marked_as_no_workload_endpoint_is_not_policed() {
        // given
        CalicoWorld world = world().policies(PROFILE + """
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: deny-all}
                spec: {selector: all(), types: [Ingress, Egress]}
                """);

        // when
        Verdict verdict = world.tcp("shop/vm", "shop/web", 80);

        // then
        assertThat(CalicoWorld.lines(verdict)).first().isEqualTo("[calico egress] not enforced - shop/vm is not a"
                + " Calico workload endpoint (calicoWorkloadEndpoint: false), so no policy applies at it");
    }

    @Test
    void a_profile_a_pod_names_must_be_given() {
        // when
        List<String> problems = CalicoWorld.create().namespace("shop")
                .pod("shop/x", "10.0.0.9", "default", List.of(), Map.of("calicoProfiles", List.of("missing")))
                .problems("").stream().map(InputProblem::toString).toList();

        // then
        assertThat(problems).containsExactly("cluster: pod shop/x: calicoProfiles: names a profile that is not given:"
                + " 'missing'\n  fix: add the Profile to the policies, or remove the name");
    }
}
