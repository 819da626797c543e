package dev.kordon.dsl.spi;

import static dev.kordon.dsl.Kordon.allow;
import static dev.kordon.dsl.Kordon.labels;
import static dev.kordon.dsl.Kordon.policySet;
import static dev.kordon.dsl.Kordon.tcp;
import static dev.kordon.dsl.Kordon.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.InvalidPolicySetException;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySetsTest {

    private static final Workload A = workload("shop", "a", labels("app", "a"));
    private static final Workload B = workload("shop", "b", labels("app", "b"));

    /** A provider of two valid sets. */
    public static final class TwoSets implements PolicySetProvider {
        @Override
        public List<PolicySet> policySets() {
            return List.of(policySet("zeta").intents(allow(A).to(B).on(tcp(80))).build(),
                    policySet("alpha").intents(allow(B).to(A).on(tcp(80))).build());
        }
    }

    /** Another provider that reuses the name "alpha". */
    public static final class AlphaAgain implements PolicySetProvider {
        @Override
        public List<PolicySet> policySets() {
            return List.of(policySet("alpha").intents(allow(A).to(B).on(tcp(81))).build());
        }
    }

    /** A provider whose set was built without validation and is invalid. */
    public static final class Invalid implements PolicySetProvider {
        @Override
        public List<PolicySet> policySets() {
            return List.of(policySet("broken").intents(allow(A).to(B).on(tcp(0))).buildUnvalidated());
        }
    }

    /** A provider that tools cannot instantiate. */
    public static final class NoDefaultConstructor implements PolicySetProvider {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public List<PolicySet> policySets() {
            return List.of();
        }
    }

    /** A provider whose constructor fails. */
    public static final class BrokenConstructor implements PolicySetProvider {
        public BrokenConstructor() {
            throw new IllegalStateException("settings file not found");
        }

        @Override
        public List<PolicySet> policySets() {
            return List.of();
        }
    }

    /** A provider that fails while building its sets. */
    public static final class Failing implements PolicySetProvider {
        @Override
        public List<PolicySet> policySets() {
            throw new UnsupportedOperationException("not today");
        }
    }

    @TempDir
    Path dir;

    private ClassLoader registering(Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> provider : providers) {
            lines.append(provider.getName()).append('\n');
        }
        Files.writeString(services.resolve(PolicySetProvider.class.getName()), lines);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void loads_every_set_of_every_provider_sorted_by_name() throws IOException {
        // when the provider is found through its services file
        List<PolicySet> sets = PolicySets.load(registering(TwoSets.class));
        // then both sets come back, sorted
        assertThat(sets).extracting(PolicySet::name).containsExactly("alpha", "zeta");
    }

    @Test
    void no_provider_means_no_set() throws IOException {
        assertThat(PolicySets.load(registering())).isEmpty();
    }

    @Test
    void rejects_a_set_name_declared_twice_naming_both_providers() throws IOException {
        assertThatThrownBy(() -> PolicySets.load(registering(TwoSets.class, AlphaAgain.class)))
                .isInstanceOf(PolicySets.PolicySetLoadingException.class)
                .hasMessageContaining("policy set 'alpha' is declared 2 times, by " + TwoSets.class.getName() + ", "
                        + AlphaAgain.class.getName() + "; give each policy set a distinct name");
    }

    @Test
    void names_a_provider_that_cannot_be_instantiated() throws IOException {
        assertThatThrownBy(() -> PolicySets.load(registering(NoDefaultConstructor.class)))
                .isInstanceOf(PolicySets.PolicySetLoadingException.class)
                .hasMessage("cannot load policy sets:\n- " + NoDefaultConstructor.class.getName()
                        + " Unable to get public no-arg constructor; a provider must be a public class with a public"
                        + " no-argument constructor");
    }

    @Test
    void rejects_an_invalid_set_listing_its_problems() throws IOException {
        assertThatThrownBy(() -> PolicySets.load(registering(Invalid.class)))
                .isInstanceOf(InvalidPolicySetException.class)
                .hasMessageContaining("policy set 'broken' has 1 problem:")
                .hasMessageContaining("port out of range 1..65535: 0");
    }

    @Test
    void names_the_cause_when_a_provider_constructor_throws() throws IOException {
        assertThatThrownBy(() -> PolicySets.load(registering(BrokenConstructor.class)))
                .isInstanceOf(PolicySets.PolicySetLoadingException.class)
                .hasMessageContaining(BrokenConstructor.class.getName())
                .hasMessageEndingWith(": java.lang.IllegalStateException: settings file not found; fix what its"
                        + " constructor needs, or what it throws");
    }

    @Test
    void names_a_provider_whose_policy_sets_fail_and_keeps_reporting_the_others() throws IOException {
        // given a failing provider next to a provider that reuses a name
        ClassLoader loader = registering(Failing.class, TwoSets.class, AlphaAgain.class);
        // then both problems are reported together
        assertThatThrownBy(() -> PolicySets.load(loader))
                .isInstanceOf(PolicySets.PolicySetLoadingException.class)
                .satisfies(e -> assertThat(((PolicySets.PolicySetLoadingException) e).errors()).containsExactly(
                        Failing.class.getName() + ".policySets() failed: java.lang.UnsupportedOperationException:"
                                + " not today; fix the provider, or the classpath it runs on",
                        "policy set 'alpha' is declared 2 times, by " + TwoSets.class.getName() + ", "
                                + AlphaAgain.class.getName() + "; give each policy set a distinct name"));
    }
}
