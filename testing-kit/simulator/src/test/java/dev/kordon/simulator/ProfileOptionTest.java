package dev.kordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile.CalicoPrefixMatching;
import dev.kordon.simulator.EnforcementProfile.CiliumEnforcement;
import org.junit.jupiter.api.Test;

class ProfileOptionTest {

    private static final EnforcementProfile CALICO = EnforcementProfile.named("calico").orElseThrow();
    private static final EnforcementProfile CILIUM = EnforcementProfile.named("cilium").orElseThrow();

    @Test
    void each_option_sets_its_field_by_the_name_and_value_of_the_reachability_files() {
        assertThat(ProfileOption.CALICO_HTTP_PREFIXES.set(CALICO, "raw").orElseThrow().calicoHttpPrefixes())
                .isEqualTo(CalicoPrefixMatching.RAW);
        assertThat(ProfileOption.CALICO_APPLICATION_LAYER_POLICY.set(CALICO, "true").orElseThrow()
                .calicoApplicationLayerPolicy()).isTrue();
        assertThat(ProfileOption.IP_BLOCK_SELECTS_PODS.set(CILIUM, "TRUE").orElseThrow().ipBlockSelectsPods())
                .isTrue();
        assertThat(ProfileOption.CILIUM_POLICY_ENFORCEMENT.set(CILIUM, "always").orElseThrow()
                .ciliumPolicyEnforcement()).isEqualTo(CiliumEnforcement.ALWAYS);
        assertThat(ProfileOption.CALICO_HTTP_PREFIXES.key()).isEqualTo("calicoHttpPrefixes");
    }

    @Test
    void setting_one_option_keeps_the_others() {
        // given
        EnforcementProfile raw = ProfileOption.CALICO_HTTP_PREFIXES.set(CALICO, "raw").orElseThrow();

        // when
        EnforcementProfile both = ProfileOption.CALICO_APPLICATION_LAYER_POLICY.set(raw, "true").orElseThrow();

        // then
        assertThat(both).isEqualTo(new EnforcementProfile(EnforcementProfile.Cni.CALICO, EnforcementProfile.Mesh.NONE,
                true, true, CiliumEnforcement.DEFAULT, CalicoPrefixMatching.RAW));
    }

    @Test
    void a_value_outside_the_accepted_ones_sets_nothing() {
        assertThat(ProfileOption.CALICO_HTTP_PREFIXES.set(CALICO, "prefix")).isEmpty();
        assertThat(ProfileOption.CALICO_HTTP_PREFIXES.acceptedText()).isEqualTo("segments or raw");
        assertThat(ProfileOption.CILIUM_POLICY_ENFORCEMENT.acceptedText()).isEqualTo("default, always or never");
    }

    @Test
    void calico_and_cilium_options_apply_to_their_cni_only() {
        assertThat(ProfileOption.CALICO_HTTP_PREFIXES.appliesTo(CILIUM)).isFalse();
        assertThat(ProfileOption.CILIUM_POLICY_ENFORCEMENT.appliesTo(CILIUM)).isTrue();
        assertThat(ProfileOption.IP_BLOCK_SELECTS_PODS.appliesTo(EnforcementProfile.generic())).isTrue();
        assertThat(ProfileOption.IP_BLOCK_SELECTS_PODS.cnisText()).isEqualTo("calico, cilium, generic");
    }
}
