package dev.kordon.testing;

import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.FidelityReport;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.reference.ProbeGrid;
import dev.kordon.simulator.reference.ReferenceSemantics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a target's generated manifests, simulated, decide like the intent over the {@link ProbeGrid}: equal where
 * the fidelity report has nothing to say about the intents involved in a flow; where its entries for them all go one
 * way, differing only that way (widened: the target may allow more; narrowed: less); mixed entries are not compared.
 */
final class Faithfulness {

    private Faithfulness() {
    }

    /** One probe on which the target does not decide like the intent. */
    record Disagreement(Verdict intent, Verdict target, Set<Fidelity> reported) {
    }

    /** The probes compared and those that disagree. */
    record Result(String target, int probes, List<Disagreement> disagreements) {

        String message() {
            StringBuilder text = new StringBuilder("Expecting ").append(target).append(" to render the intent"
                    + " faithfully, but ").append(disagreements.size()).append(" of ").append(probes)
                    .append(" probes decide otherwise:");
            for (int i = 0; i < Math.min(ReachabilityAssert.SHOWN, disagreements.size()); i++) {
                Disagreement disagreement = disagreements.get(i);
                text.append("\n  ").append(disagreement.intent().flow()).append(": the intent ")
                        .append(disagreement.intent().allowed() ? "allows" : "denies").append(" it, ").append(target)
                        .append(disagreement.target().allowed() ? " allows" : " denies").append(" it")
                        .append(disagreement.reported().isEmpty() ? " (the fidelity report says exact)"
                                : " (the fidelity report says " + disagreement.reported() + ")")
                        .append("\n    intent:\n      ")
                        .append(disagreement.intent().explain().replace("\n", "\n      "))
                        .append("\n    ").append(target).append(":\n      ")
                        .append(disagreement.target().explain().replace("\n", "\n      "));
            }
            if (disagreements.size() > ReachabilityAssert.SHOWN) {
                text.append("\n  … and ").append(disagreements.size() - ReachabilityAssert.SHOWN).append(" more");
            }
            return text.toString();
        }
    }

    static Result check(Reachability any, String targetName) {
        Environment environment = any.environment().filter(e -> !e.policySets().isEmpty()).orElseThrow(
                () -> new IllegalStateException("faithfulness compares a target with the intent of policy sets; this"
                        + " Reachability has none: test the policy sets with @KordonTest(policies = ...)"));
        List<PolicySet> sets = environment.policySets();
        Reachability target = environment.reachability(targetName);
        return compare(sets, environment.reachability(Reachability.INTENT), target, target.fidelity().orElseThrow());
    }

    /** The intent's verdicts against the target's, over the probe grid of the intent's cluster. */
    static Result compare(List<PolicySet> sets, Reachability intent, Reachability target, FidelityReport report) {
        ReferenceSemantics reference = ReferenceSemantics.of(intent.cluster(), sets);
        List<Disagreement> disagreements = new ArrayList<>();
        int probes = 0;
        for (Flow flow : ProbeGrid.probes(intent.cluster(), sets)) {
            if (ProbeGrid.isNodeLocal(flow)) {
                continue;
            }
            probes++;
            Set<String> involved = ProbeGrid.involved(reference, sets, flow);
            Set<Fidelity> reported = EnumSet.noneOf(Fidelity.class);
            report.entries().stream().filter(entry -> involved.contains(entry.intent()))
                    .map(FidelityEntry::fidelity).forEach(reported::add);
            Verdict expected = intent.decide(flow);
            Verdict simulated = target.decide(flow);
            if (!consistent(expected, simulated, reported)) {
                disagreements.add(new Disagreement(expected, simulated, reported));
            }
        }
        return new Result(target.target(), probes, disagreements);
    }

    private static boolean consistent(Verdict expected, Verdict simulated, Set<Fidelity> reported) {
        if (reported.isEmpty()) {
            return expected.allowed() == simulated.allowed() && !simulated.ambiguous();
        }
        if (reported.equals(EnumSet.of(Fidelity.WIDENED))) {
            return !expected.allowed() || simulated.allowed();
        }
        if (reported.equals(EnumSet.of(Fidelity.NARROWED))) {
            return expected.allowed() || !simulated.allowed();
        }
        return true;
    }
}
