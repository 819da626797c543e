package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.Decision.Outcome;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.calico.model.Action;
import dev.kordon.simulator.calico.model.EntityRule;
import dev.kordon.simulator.calico.model.PolicyStore;
import dev.kordon.simulator.calico.model.Profile;
import dev.kordon.simulator.calico.model.ProtocolMatch;
import dev.kordon.simulator.calico.model.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles an endpoint carries, evaluated after every tier: the first Allow or Deny rule of the first profile
 * that has a matching one decides (Log continues, Pass leaves the profile); nothing matching means Deny. A
 * Kubernetes pod's {@code kns.<namespace>} profile allows everything; {@code ksa.*} profiles have no rules.
 */
final class ProfileWalk {

    private static final Rule ALLOW_ALL = Rule.of(0, "", Action.ALLOW, ProtocolMatch.ANY, EntityRule.ANY,
            EntityRule.ANY);

    private final PolicyStore store;
    private final RuleMatcher matcher;

    ProfileWalk(PolicyStore store, RuleMatcher matcher) {
        this.store = store;
        this.matcher = matcher;
    }

    TierWalk.Result run(Workload local, FlowView view, String context, List<Step> steps) {
        for (String name : local.profiles()) {
            Profile profile = profile(name);
            for (Rule rule : profile.rules(view.direction())) {
                RuleMatch match = matcher.match(rule, view);
                if (!match.matched()) {
                    continue;
                }
                if (rule.action() == Action.PASS) {
                    break;
                }
                String why = name.startsWith("kns.") ? "the namespace profile " + name + " allows all traffic of"
                        + " Kubernetes pods" : rule.label() + " (" + rule.action() + ") of profile " + name
                        + " matches: " + match.why();
                String outcome = rule.action().toString().toLowerCase(java.util.Locale.ROOT);
                steps.add(new Step(TierWalk.LAYER, view.direction().toString(), "", profile.resource(),
                        rule.index(), outcome, context + "; " + why + (rule.action() == Action.LOG
                        ? "; evaluation continues" : "")));
                if (rule.action() != Action.LOG) {
                    return new TierWalk.Result(rule.action() == Action.ALLOW ? Outcome.ALLOW : Outcome.DENY, steps);
                }
            }
        }
        steps.add(new Step(TierWalk.LAYER, view.direction().toString(), "", "", -1, "deny", context
                + "; no rule of the profiles of " + local.pod().id() + " " + local.profiles()
                + " allows the flow, so Calico denies it"));
        return new TierWalk.Result(Outcome.DENY, steps);
    }

    private Profile profile(String name) {
        if (name.startsWith("kns.")) {
            return new Profile(name, "Profile " + name, new java.util.TreeMap<>(), List.of(ALLOW_ALL),
                    List.of(ALLOW_ALL));
        }
        return Optional.ofNullable(store.profiles().get(name)).orElse(new Profile(name, "Profile " + name,
                new java.util.TreeMap<>(Map.of()), List.of(), List.of()));
    }
}
