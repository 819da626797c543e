package dev.kordon.testing;

import dev.kordon.generators.FidelityReport;

/**
 * The entry point of Kordon's AssertJ assertions; import statically beside AssertJ's own {@code assertThat}.
 *
 * <pre>{@code
 * assertThat(net).allows(from(FRONTEND).to(BACKEND).get("/api/users").port(8080));
 * assertThat(net.workload(DATABASE)).allowsOnly(from(BACKEND).port(5432));
 * assertThat(net.fidelity().orElseThrow()).hasNoWidening();
 * }</pre>
 */
public class KordonAssertions {

    /** Not instantiated; the class is open only so that soft assertions can offer the same methods. */
    protected KordonAssertions() {
    }

    /** Assertions on the flows a target allows and denies. */
    public static ReachabilityAssert assertThat(Reachability actual) {
        return new ReachabilityAssert(actual);
    }

    /** Assertions on everything to and from one workload. */
    public static WorkloadAssert assertThat(WorkloadView actual) {
        return new WorkloadAssert(actual);
    }

    /** Assertions on a target's fidelity report. */
    public static FidelityAssert assertThat(FidelityReport actual) {
        return new FidelityAssert(actual);
    }
}
