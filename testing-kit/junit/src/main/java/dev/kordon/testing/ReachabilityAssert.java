package dev.kordon.testing;

import dev.kordon.simulator.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Reachability}: which flows it allows and denies, its whole connectivity against a snapshot,
 * and whether a target renders the intent faithfully. A failure shows each offending flow with the chain that
 * decided it and, for a denial, the nearest rule that did not match and why.
 *
 * <pre>{@code
 * assertThat(net).allows(from(FRONTEND).to(BACKEND).get("/api/users").port(8080));   // passes
 * assertThat(net).denies(from(FRONTEND).to(DATABASE).port(5432));                     // passes
 * assertThat(net).allows(from(FRONTEND).to(DATABASE).port(5432));                     // fails, and says why
 * }</pre>
 */
public class ReachabilityAssert extends AbstractAssert<ReachabilityAssert, Reachability> {

    /** How many offending flows a message shows in full. */
    static final int SHOWN = 3;

    /** Assertions on this reachability; prefer {@link KordonAssertions#assertThat(Reachability)}. */
    public ReachabilityAssert(Reachability actual) {
        super(actual, ReachabilityAssert.class);
    }

    /** Every flow that each probe stands for is allowed. */
    public ReachabilityAssert allows(Probe... probes) {
        return expect(true, probes);
    }

    /** Every flow that each probe stands for is denied. */
    public ReachabilityAssert denies(Probe... probes) {
        return expect(false, probes);
    }

    private ReachabilityAssert expect(boolean allowed, Probe... probes) {
        isNotNull();
        requireProbes(probes);
        StringBuilder message = new StringBuilder();
        for (Probe probe : probes) {
            List<Verdict> verdicts = actual.verdicts(probe);
            List<Verdict> wrong = verdicts.stream().filter(verdict -> verdict.allowed() != allowed).toList();
            if (!wrong.isEmpty()) {
                message.append(message.length() == 0 ? "" : "\n\n").append(Messages.unexpected(actual, probe,
                        allowed, verdicts.size(), wrong));
            }
        }
        if (message.length() > 0) {
            failWithMessage("%s", message.toString());
        }
        return myself;
    }

    static void requireProbes(Probe[] probes) {
        if (probes == null || probes.length == 0) {
            throw new IllegalArgumentException("no probe given: an assertion over nothing would pass vacuously;"
                    + " give at least one, e.g. from(FRONTEND).to(BACKEND).port(8080)");
        }
    }

    /**
     * The whole connectivity (every allowed connection between workloads and outside address ranges, in
     * netpol-analyzer's text syntax) equals the snapshot committed at
     * {@code src/test/resources/kordon-snapshots/<test class>/<target>.txt}. Run the tests with
     * {@code -Dkordon.updateSnapshots=true} to write or rewrite the snapshots instead.
     */
    public ReachabilityAssert matchesSnapshot() {
        isNotNull();
        String owner = actual.environment().map(environment -> environment.settings().owner()).orElseThrow(
                () -> new IllegalStateException("this Reachability was built by hand; name the snapshot file:"
                        + " matchesSnapshot(\"src/test/resources/....txt\")"));
        return matchesSnapshot(Snapshots.defaultPath(owner, actual.target()));
    }

    /**
     * The whole connectivity equals the snapshot in this file (relative to the working directory); with
     * {@code -Dkordon.updateSnapshots=true} the file is written instead.
     */
    public ReachabilityAssert matchesSnapshot(String file) {
        return matchesSnapshot(Path.of(file));
    }

    private ReachabilityAssert matchesSnapshot(Path file) {
        isNotNull();
        Snapshots.Comparison comparison = Snapshots.compare(actual, file);
        if (!comparison.matches()) {
            throw failureWithActualExpected(comparison.actual(), comparison.expected(), "%s", comparison.message());
        }
        return myself;
    }

    /**
     * The target's generated manifests, simulated, decide like the intent on every probe of the grid (every pair of
     * pods, the nodes and an outside address, on declared and named ports, with sample HTTP requests): equal where
     * the fidelity report calls the intents involved exact, and differing only in the reported direction where it
     * says narrowed or widened. Flows between a pod and its own node are not compared (NetworkPolicy and Cilium
     * always allow them).
     */
    public ReachabilityAssert isFaithfullyRenderedOn(String target) {
        isNotNull();
        Faithfulness.Result result = Faithfulness.check(actual, target);
        if (!result.disagreements().isEmpty()) {
            failWithMessage("%s", result.message());
        }
        return myself;
    }

    /** {@link #isFaithfullyRenderedOn(String)} for this reachability's own target. */
    public ReachabilityAssert isFaithfullyRendered() {
        isNotNull();
        return isFaithfullyRenderedOn(actual.target());
    }

    /** The fidelity report of this target, for assertions on it. */
    public FidelityAssert fidelity() {
        isNotNull();
        return new FidelityAssert(actual.fidelity().orElseThrow(() -> new IllegalStateException("manifests tested"
                + " without policy sets have no fidelity report; test the policy sets with @KordonTest(policies)")));
    }
}
