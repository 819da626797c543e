package dev.kordon.testing;

import dev.kordon.generators.Fidelity;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.FidelityReport;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a target's fidelity report: whether it enforces the intents exactly, never allows more than they
 * say, or reports a given finding.
 *
 * <pre>{@code
 * assertThat(net).fidelity().hasNoWidening();                   // passes on cilium for the shop sample
 * assertThat(net).fidelity().isExact();                         // fails on kubernetes: HTTP rules become L4 only
 * }</pre>
 */
public class FidelityAssert extends AbstractAssert<FidelityAssert, FidelityReport> {

    /** Assertions on this report. */
    public FidelityAssert(FidelityReport actual) {
        super(actual, FidelityAssert.class);
    }

    /** Every intent is enforced exactly: the report has no finding. */
    public FidelityAssert isExact() {
        isNotNull();
        if (!actual.entries().isEmpty()) {
            failWithMessage("%s", "Expecting every intent to be enforced exactly on " + actual.target() + ", but "
                    + actual.entries().size() + (actual.entries().size() == 1 ? " finding says" : " findings say")
                    + " otherwise:\n" + actual.text());
        }
        return myself;
    }

    /** No intent is enforced more widely than written: nothing is allowed that the intents do not allow. */
    public FidelityAssert hasNoWidening() {
        isNotNull();
        List<FidelityEntry> widened = actual.entries().stream()
                .filter(entry -> entry.fidelity() == Fidelity.WIDENED || entry.fidelity() == Fidelity.UNSUPPORTED)
                .toList();
        if (!widened.isEmpty()) {
            StringBuilder text = new StringBuilder("Expecting " + actual.target() + " to allow nothing beyond the"
                    + " intents, but:");
            widened.forEach(entry -> text.append("\n  ").append(entry.policySet()).append('/').append(entry.intent())
                    .append(": ").append(entry.describe().replace("\n", "\n    ")));
            failWithMessage("%s", text.toString());
        }
        return myself;
    }

    /** The report has a finding of this fidelity for the intent (by name). */
    public FidelityAssert reports(String intent, Fidelity fidelity) {
        isNotNull();
        if (actual.entries().stream().noneMatch(entry -> entry.intent().equals(intent)
                && entry.fidelity() == fidelity)) {
            failWithMessage("%s", "Expecting the fidelity report of " + actual.target() + " to say " + fidelity
                    + " for intent " + intent + ", but it says:\n" + actual.text());
        }
        return myself;
    }
}
