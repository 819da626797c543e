package dev.kordon.generators.anp;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Tier;
import dev.kordon.generators.Backend.Finding;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import dev.kordon.generators.cnp.GuardrailInspector;
import dev.kordon.generators.cnp.PodSelection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings that come from BaselineAdminNetworkPolicy being a singleton: every baseline guardrail of a policy set
 * becomes a rule of the one object {@code default}, so they must all share its one subject, and fit its rule limit.
 */
final class BaselineInspector {

    private final int maxRules;

    BaselineInspector(int maxRules) {
        this.maxRules = maxRules;
    }

    /** The baseline guardrails of the set that are written (no audits; under a mesh, no HTTP denies). */
    static List<Connection> rendered(PolicySet set, Role role) {
        return set.connections().stream().filter(c -> c.tier() == Tier.BASELINE)
                .filter(c -> GuardrailInspector.rendered(c, role)).toList();
    }

    List<Finding> inspect(PolicySet set, Intent intent, Role role) {
        if (!(intent instanceof Connection) || ((Connection) intent).tier() != Tier.BASELINE
                || !GuardrailInspector.rendered(intent, role)) {
            return List.of();
        }
        Connection guardrail = (Connection) intent;
        Feature feature = Feature.valueOf("BASELINE_" + guardrail.action().name());
        List<Connection> all = rendered(set, role);
        Set<PodSelection> subjects = new LinkedHashSet<>();
        all.forEach(each -> subjects.addAll(subjects(set, each)));
        List<Finding> findings = new ArrayList<>();
        if (subjects(set, guardrail).size() != 1 || subjects.size() != 1) {
            findings.add(new Finding(feature, Support.unsupported("BaselineAdminNetworkPolicy is a singleton (named"
                    + " default) whose one subject applies to all its rules, but the baseline guardrails of policy set '"
                    + set.name() + "' are enforced at " + subjects.size() + " different pod selections",
                    "give every baseline guardrail of the set the same subject pods (such as allPods()), or use"
                    + " kubernetes+cnp, where each baseline guardrail is a ClusterNetworkPolicy of its own")));
        }
        for (Direction direction : guardrail.effectiveSides()) {
            long rules = all.stream().filter(each -> each.effectiveSides().contains(direction)).count();
            if (rules > maxRules) {
                findings.add(new Finding(feature, Support.unsupported("the " + rules + " baseline " + direction
                        + " guardrails of policy set '" + set.name() + "' would be rules of the one"
                        + " BaselineAdminNetworkPolicy, which allows at most " + maxRules, "merge baseline guardrails"
                        + " that share an action, or use kubernetes+cnp")));
            }
        }
        return findings;
    }

    private static List<PodSelection> subjects(PolicySet set, Connection guardrail) {
        List<PodSelection> subjects = new ArrayList<>();
        for (Direction direction : guardrail.effectiveSides()) {
            subjects.addAll(PodSelection.of(set, direction == Direction.EGRESS ? guardrail.sources()
                    : guardrail.destinations()));
        }
        return subjects.stream().distinct().toList();
    }
}
