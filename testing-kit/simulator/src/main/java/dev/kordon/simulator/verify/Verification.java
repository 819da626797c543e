package dev.kordon.simulator.verify;

import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of checking a reachability test file: every probe with its verdict, and the failed ones explained.
 *
 * @param testCase the case
 * @param verdicts the verdict of every probe, in the file's order
 */
public record Verification(ReachabilityCase testCase, List<Verdict> verdicts) {

    public Verification {
        verdicts = List.copyOf(verdicts);
    }

    /** Simulates every probe of the case. */
    public static Verification of(ReachabilityCase testCase) {
        Simulator simulator = Simulator.build(testCase.cluster(), testCase.policies(), testCase.profile());
        List<Verdict> verdicts = new ArrayList<>();
        for (Probe probe : testCase.probes()) {
            verdicts.add(simulator.decide(probe.flow()));
        }
        return new Verification(testCase, verdicts);
    }

    /** How many probes got the expected verdict. */
    public int passed() {
        return testCase.probes().size() - failures().size();
    }

    /** Each failed probe with what was expected and the chain that decided otherwise. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Probe probe = testCase.probes().get(i);
            Verdict verdict = verdicts.get(i);
            if (verdict.allowed() != probe.expected()) {
                failures.add(testCase.file() + ": expected " + (probe.expected() ? "allowed" : "denied") + ": "
                        + verdict.explain().replace("\n", "\n  "));
            }
        }
        return failures;
    }
}
