package dev.kordon.testing;

import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.KordonExtensionTest.failureOf;
import static dev.kordon.testing.KordonExtensionTest.run;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.fixture.Shop.BACKEND;
import static dev.kordon.testing.fixture.Shop.DATABASE;
import static dev.kordon.testing.fixture.Shop.FRONTEND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.testing.fixture.CountingShop;
import dev.kordon.testing.fixture.Shop;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The profile options of {@link KordonTest}: applied to every target or profile they concern, checked, cached apart. */
class ProfileOptionsTest {

    // ---- Calico HTTP rules on the calico target -------------------------------------------------------------------

    @KordonTest(policies = Shop.class, targets = "calico", intent = false)
    static class CalicoWithoutApplicationLayerPolicy {
        @ReachabilityTest
        void http_rules_hold_at_l4_only(Reachability net) {
            assertThat(net).allows(from(FRONTEND).to(BACKEND).delete("/admin").port(8080));
        }
    }

    @KordonTest(policies = Shop.class, targets = "calico", intent = false, calicoApplicationLayerPolicy = "true")
    static class CalicoCurrent {
        @ReachabilityTest
        void a_prefix_matches_the_normalised_path(Reachability net) {
            assertThat(net).denies(from(FRONTEND).to(BACKEND).delete("/admin").port(8080));
            assertThat(net).allows(from(FRONTEND).to(BACKEND).get("/api/users").port(8080));
            assertThat(net).denies(from(FRONTEND).to(BACKEND).get("/api/../admin").port(8080));
        }
    }

    @KordonTest(policies = Shop.class, targets = "calico", intent = false, calicoApplicationLayerPolicy = "true",
            calicoHttpPrefixes = "raw")
    static class CalicoBefore3317 {
        @ReachabilityTest
        void a_prefix_is_a_plain_string_prefix(Reachability net) {
            assertThat(net).allows(from(FRONTEND).to(BACKEND).get("/api/../admin").port(8080));
        }
    }

    @Test
    void calico_options_change_the_verdicts_of_the_calico_target_in_one_run() {
        // when
        EngineExecutionResults events = run(CalicoWithoutApplicationLayerPolicy.class, CalicoCurrent.class,
                CalicoBefore3317.class);

        // then
        events.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    // ---- manifests under profiles --------------------------------------------------------------------------------

    @KordonTest(manifests = "classpath:manifests/from-pod-range", cluster = "src/test/resources/k8s/shop.yaml",
            profiles = {"generic", "cilium"}, ipBlockSelectsPods = "true")
    static class IpBlocksSelectPods {
        @ReachabilityTest
        void the_pod_range_admits_the_backend(Reachability net) {
            assertThat(net).allows(from(BACKEND).to(DATABASE).port(5432));
        }
    }

    @KordonTest(manifests = "classpath:manifests/from-pod-range", cluster = "src/test/resources/k8s/shop.yaml",
            profiles = {"generic", "calico"}, ipBlockSelectsPods = "false")
    static class IpBlocksDoNotSelectPods {
        @ReachabilityTest
        void the_pod_range_admits_no_pod(Reachability net) {
            assertThat(net).denies(from(BACKEND).to(DATABASE).port(5432));
        }
    }

    @KordonTest(manifests = "classpath:manifests/deny-marketing", cluster = "src/test/resources/k8s/shop.yaml",
            profiles = {"generic", "cilium"}, ciliumPolicyEnforcement = "never")
    static class CiliumEnforcesNothing {
        @ReachabilityTest
        void only_generic_keeps_the_frontend_out(Reachability net) {
            if (net.target().equals("cilium")) {
                assertThat(net).allows(from(FRONTEND).to(DATABASE).port(5432));
            } else {
                assertThat(net).denies(from(FRONTEND).to(DATABASE).port(5432));
            }
        }
    }

    @Test
    void options_apply_to_every_profile_they_concern() {
        // when
        EngineExecutionResults events = run(IpBlocksSelectPods.class, IpBlocksDoNotSelectPods.class,
                CiliumEnforcesNothing.class);

        // then
        events.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
    }

    // ---- caching ---------------------------------------------------------------------------------------------------

    @KordonTest(policies = CountingShop.class, targets = "calico", intent = false)
    static class Plain {
        @ReachabilityTest
        void at_l4(Reachability net) {
            assertThat(net).allows(from(FRONTEND).to(BACKEND).delete("/admin").port(8080));
        }
    }

    @KordonTest(policies = CountingShop.class, targets = "calico", intent = false,
            calicoApplicationLayerPolicy = "true")
    static class WithApplicationLayerPolicy {
        @ReachabilityTest
        void at_l7(Reachability net) {
            assertThat(net).denies(from(FRONTEND).to(BACKEND).delete("/admin").port(8080));
        }
    }

    @Test
    void classes_with_other_options_load_their_own_state() {
        // given
        CountingShop.LOADS.set(0);

        // when
        EngineExecutionResults events = run(Plain.class, WithApplicationLayerPolicy.class);

        // then
        events.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(CountingShop.LOADS.get()).isEqualTo(2);
    }

    // ---- misuse ----------------------------------------------------------------------------------------------------

    @KordonTest(policies = Shop.class, targets = "calico", calicoHttpPrefixes = "prefix")
    static class BadValue {
        @ReachabilityTest
        void anything(Reachability net) {
        }
    }

    @Test
    void a_bad_value_names_the_attribute_and_the_accepted_values() {
        assertThat(failureOf(BadValue.class)).isEqualTo("@KordonTest(calicoHttpPrefixes) on " + BadValue.class
                .getName() + ": 'prefix' is not one of segments, raw\n  fix: write calicoHttpPrefixes = \"segments\""
                + " or \"raw\"");
    }

    @KordonTest(policies = Shop.class, targets = {"cilium", "kubernetes"}, calicoHttpPrefixes = "raw")
    static class NoCalicoTarget {
        @ReachabilityTest
        void anything(Reachability net) {
        }
    }

    @Test
    void an_option_for_a_cni_no_target_runs_on_is_named_with_the_fix() {
        assertThat(failureOf(NoCalicoTarget.class)).isEqualTo("@KordonTest(calicoHttpPrefixes) on "
                + NoCalicoTarget.class.getName() + ": applies to calico only, and the test runs on cilium, kubernetes"
                + "\n  fix: add a calico target to targets, or remove calicoHttpPrefixes");
    }

    @KordonTest(manifests = "classpath:manifests/deny-marketing", cluster = "src/test/resources/k8s/shop.yaml",
            ciliumPolicyEnforcement = "always")
    static class NoCiliumProfile {
        @ReachabilityTest
        void anything(Reachability net) {
        }
    }

    @Test
    void an_option_for_a_cni_no_profile_runs_on_is_named_with_the_fix() {
        assertThat(failureOf(NoCiliumProfile.class)).isEqualTo("@KordonTest(ciliumPolicyEnforcement) on "
                + NoCiliumProfile.class.getName() + ": applies to cilium only, and the test runs on generic"
                + "\n  fix: add a cilium profile to profiles, or remove ciliumPolicyEnforcement");
    }
}
