package dev.kordon.testing;

import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.fixture.Shop.BACKEND;
import static dev.kordon.testing.fixture.Shop.DATABASE;
import static dev.kordon.testing.fixture.Shop.FRONTEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.kordon.testing.fixture.CountingShop;
import dev.kordon.testing.fixture.NoConstructor;
import dev.kordon.testing.fixture.Shop;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The extension driven through JUnit's engine: invocations per target, their names, failures and misuse. */
class KordonExtensionTest {

    static EngineExecutionResults run(Class<?>... classes) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter");
        for (Class<?> type : classes) {
            builder = builder.selectors(selectClass(type));
        }
        return builder.execute();
    }

    // ---- one invocation per target ------------------------------------------------------------------------------

    @KordonTest(policies = Shop.class, targets = {"cilium", "kubernetes+istio"})
    static class TwoTargets {
        @ReachabilityTest
        void backend_reaches_the_database(Reachability net) {
            assertThat(net).allows(from(BACKEND).to(DATABASE).port(5432));
        }

        @ReachabilityTest(targets = "cilium")
        void pinned(Reachability net) {
            assertThat(net.target()).isEqualTo("cilium");
        }
    }

    @Test
    void runs_each_reachability_test_once_per_target_and_on_the_intent() {
        // the unpinned test three times, the pinned one on cilium only
        // when
        EngineExecutionResults events = run(TwoTargets.class);

        // then
        events.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
        events.testEvents().started().assertThatEvents().haveExactly(2, event(test(), displayName("[cilium]")))
                .haveExactly(1, event(test(), displayName("[kubernetes+istio]")))
                .haveExactly(1, event(test(), displayName("[intent]")));
    }

    @Test
    void a_pinned_test_runs_on_its_target_only() {
        // when
        EngineExecutionResults events = run(TwoTargets.class);

        // then
        assertThat(events.testEvents().started().stream()
                .filter(event -> event.getTestDescriptor().getUniqueId().toString().contains("pinned"))
                .map(event -> event.getTestDescriptor().getDisplayName()).toList()).containsExactly("[cilium]");
    }

    @KordonTest(policies = Shop.class, targets = "cilium", intent = false)
    static class Failing {
        @ReachabilityTest
        void frontend_reaches_the_database(Reachability net) {
            assertThat(net).allows(from(FRONTEND).to(DATABASE).port(5432));
        }
    }

    @Test
    void a_failed_check_fails_the_invocation_with_the_explanation() {
        // when
        EngineExecutionResults events = run(Failing.class);

        // then
        events.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        events.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("[cilium]"),
                finishedWithFailure(instanceOf(AssertionError.class), message(text -> text.startsWith(
                        "Expecting shop/frontend -> shop/database TCP/5432 to be allowed on cilium, but it is denied:")
                        && text.contains("nearest rule: spec.ingress[0] of CiliumNetworkPolicy"
                        + " shop/shop-allow-backend-to-database-ingress: peer differs (fromEndpoints[0] requires"
                        + " app=backend, shop/frontend has app=frontend)")))));
    }

    // ---- misuse ---------------------------------------------------------------------------------------------------

    @KordonTest(policies = Shop.class, targets = {"cilum", "calico"})
    static class UnknownTarget {
        @ReachabilityTest
        void anything(Reachability net) {
        }
    }

    @Test
    void an_unknown_target_names_the_known_ones() {
        assertThat(failureOf(UnknownTarget.class)).isEqualTo("@KordonTest(targets) on "
                + UnknownTarget.class.getName() + ": unknown target 'cilum'\n  fix: use targets among kubernetes,"
                + " kubernetes+istio, kubernetes+cnp, kubernetes+cnp+istio, kubernetes+anp, kubernetes+anp+istio, calico,"
                + " calico+istio, cilium, cilium+istio");
    }

    @KordonTest(policies = NoConstructor.class)
    static class ProviderWithoutConstructor {
        @ReachabilityTest
        void anything(Reachability net) {
        }
    }

    @Test
    void a_provider_without_a_public_no_argument_constructor_is_named() {
        assertThat(failureOf(ProviderWithoutConstructor.class)).isEqualTo("@KordonTest(policies) on "
                + ProviderWithoutConstructor.class.getName() + ": " + NoConstructor.class.getName() + " has no public"
                + " no-argument constructor\n  fix: add 'public NoConstructor() {}' to " + NoConstructor.class.getName());
    }

    @KordonTest(policies = Shop.class, cluster = "no/such/dir")
    static class MissingCluster {
        @ReachabilityTest
        void anything(Reachability net) {
        }
    }

    @Test
    void a_cluster_path_that_does_not_exist_is_named_with_where_it_was_looked_for() {
        assertThat(failureOf(MissingCluster.class)).startsWith("@KordonTest(cluster) on " + MissingCluster.class.getName()
                + ": no such file or directory: 'no/such/dir' (resolved against the working directory to ")
                .contains("\n  fix: give a path that exists relative to ")
                .endsWith("or a resource as 'classpath:no/such/dir'");
    }

    @KordonTest(policies = Shop.class, cluster = "classpath:k8s/nothing-here/")
    static class MissingResource {
        @ReachabilityTest
        void anything(Reachability net) {
        }
    }

    @Test
    void a_missing_classpath_resource_is_named() {
        assertThat(failureOf(MissingResource.class)).isEqualTo("@KordonTest(cluster) on "
                + MissingResource.class.getName() + ": no resource 'k8s/nothing-here' on the test class path (from"
                + " 'classpath:k8s/nothing-here/')\n  fix: put it under src/test/resources/k8s/nothing-here, or give a"
                + " file system path without the classpath: prefix");
    }

    @KordonTest(policies = Shop.class, targets = "cilium")
    static class PlainTest {
        @Test
        void wants_a_reachability(Reachability net) {
        }
    }

    @Test
    void a_plain_test_asking_for_a_reachability_is_told_to_use_reachability_test() {
        // when
        EngineExecutionResults events = run(PlainTest.class);

        // then
        events.testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                instanceOf(ParameterResolutionException.class), message(text -> text.endsWith("a Reachability is passed"
                        + " to @ReachabilityTest methods, once per target\n  fix: annotate the method with"
                        + " @ReachabilityTest instead of @Test (pin one target with @ReachabilityTest(targets ="
                        + " \"cilium\"))")))));
    }

    @KordonTest(policies = Shop.class, targets = "cilium")
    static class PinsAnotherTarget {
        @ReachabilityTest(targets = "calico")
        void anything(Reachability net) {
        }
    }

    @Test
    void pinning_a_target_the_class_does_not_run_on_is_an_error() {
        assertThat(failureOf(PinsAnotherTarget.class)).isEqualTo("@ReachabilityTest(targets) on "
                + PinsAnotherTarget.class.getName() + ".anything: calico is not among the targets of its class (cilium,"
                + " intent)\n  fix: pin one of those, or add it to @KordonTest(targets)");
    }

    // ---- manifests without the DSL ---------------------------------------------------------------------------------

    @KordonTest(manifests = "classpath:manifests/deny-marketing", cluster = "src/test/resources/k8s/shop.yaml",
            profiles = {"generic", "calico", "cilium"})
    static class HandWritten {
        @ReachabilityTest
        void only_the_backend_reaches_the_database(Reachability net) {
            assertThat(net).allows(from(BACKEND).to(DATABASE).port(5432));
            assertThat(net).denies(from(FRONTEND).to(DATABASE).port(5432));
            assertThat(net.workload(DATABASE)).isIsolatedForIngress();
            assertThat(net.fidelity()).isEmpty();
        }
    }

    @Test
    void manifests_run_once_per_profile() {
        // when
        EngineExecutionResults events = run(HandWritten.class);

        // then
        events.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(events.testEvents().started().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactly("[generic]", "[calico]", "[cilium]");
    }

    @KordonTest(manifests = "classpath:manifests/deny-marketing", cluster = "src/test/resources/k8s/shop.yaml",
            profiles = "calico+linkerd")
    static class UnknownProfile {
        @ReachabilityTest
        void anything(Reachability net) {
        }
    }

    @Test
    void an_unknown_profile_is_named() {
        assertThat(failureOf(UnknownProfile.class)).isEqualTo("@KordonTest(profiles) on "
                + UnknownProfile.class.getName() + ": unknown profile 'calico+linkerd'\n  fix: use generic, calico or"
                + " cilium, each optionally followed by +istio");
    }

    // ---- caching ---------------------------------------------------------------------------------------------------

    @KordonTest(policies = CountingShop.class, targets = "calico")
    static class FirstUser {
        @ReachabilityTest
        void one(Reachability net) {
            assertThat(net).allows(from(BACKEND).to(DATABASE).port(5432));
        }

        @ReachabilityTest
        void two(Reachability net) {
            assertThat(net).denies(from(FRONTEND).to(DATABASE).port(5432));
        }
    }

    @KordonTest(policies = CountingShop.class, targets = "calico")
    static class SecondUser {
        @ReachabilityTest
        void three(Reachability net) {
            assertThat(net).allows(from(BACKEND).to(DATABASE).port(5432));
        }
    }

    @Test
    void classes_with_the_same_settings_share_what_was_loaded_for_the_run() {
        // given
        CountingShop.LOADS.set(0);

        // when
        EngineExecutionResults events = run(FirstUser.class, SecondUser.class);

        // then
        events.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
        assertThat(CountingShop.LOADS.get()).isEqualTo(1);
    }

    // ---- soft assertions injected by AssertJ's extension -------------------------------------------------------

    @KordonTest(policies = Shop.class, targets = "cilium", intent = false)
    @org.junit.jupiter.api.extension.ExtendWith(org.assertj.core.api.junit.jupiter.SoftAssertionsExtension.class)
    static class Soft {
        @org.assertj.core.api.junit.jupiter.InjectSoftAssertions
        KordonSoftAssertions softly;

        @ReachabilityTest
        void two_failures_reported_together(Reachability net) {
            softly.assertThat(net).allows(from(FRONTEND).to(DATABASE).port(5432));
            softly.assertThat(net).allows(from(BACKEND).to(DATABASE).port(5432));
            softly.assertThat(net.workload(FRONTEND)).isIsolatedForIngress();
        }
    }

    @Test
    void soft_assertions_injected_by_assertj_report_every_failure_at_the_end() {
        assertThat(failureOf(Soft.class)).startsWith("\nMultiple Failures (2 failures)\n-- failure 1 --Expecting"
                + " shop/frontend -> shop/database TCP/5432 to be allowed on cilium, but it is denied:")
                .contains("-- failure 2 --Expecting shop/frontend to be isolated for ingress on cilium");
    }

    /** The message of the one failure that running the class produces (a container's or a test's). */
    static String failureOf(Class<?> type) {
        EngineExecutionResults events = run(type);
        List<Throwable> failures = events.allEvents().failed().stream()
                .map(event -> event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .getThrowable().orElseThrow()).toList();
        assertThat(failures).as("failures of %s", type.getSimpleName()).hasSize(1);
        return failures.get(0).getMessage();
    }
}
