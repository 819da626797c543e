package dev.kordon.testing;

import dev.kordon.generators.FidelityReport;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft reachability assertions: every failed check is collected, and {@link #assertAll()} reports them together.
 *
 * <pre>{@code
 * KordonSoftAssertions softly = new KordonSoftAssertions();
 * softly.assertThat(net).allows(from(FRONTEND).to(BACKEND).port(8080));
 * softly.assertThat(net.workload(DATABASE)).isIsolated();
 * softly.assertAll();
 * }</pre>
 *
 * <p>Or with AssertJ's {@code SoftAssertionsExtension}, as a parameter or a {@code @InjectSoftAssertions} field.
 */
public class KordonSoftAssertions extends AbstractSoftAssertions {

    /** Collects failures until {@link #assertAll()}. */
    public KordonSoftAssertions() {
    }

    /** Soft assertions on the flows a target allows and denies. */
    public ReachabilityAssert assertThat(Reachability actual) {
        return proxy(ReachabilityAssert.class, Reachability.class, actual);
    }

    /** Soft assertions on everything to and from one workload. */
    public WorkloadAssert assertThat(WorkloadView actual) {
        return proxy(WorkloadAssert.class, WorkloadView.class, actual);
    }

    /** Soft assertions on a target's fidelity report. */
    public FidelityAssert assertThat(FidelityReport actual) {
        return proxy(FidelityAssert.class, FidelityReport.class, actual);
    }
}
