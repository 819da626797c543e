package dev.kordon.simulator.calico.parse;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.calico.model.CalicoLabels;
import dev.kordon.simulator.calico.model.Conjunct;
import dev.kordon.simulator.calico.model.View;
import dev.kordon.simulator.calico.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The selectors Calico builds around what users write: namespace scopes and converted Kubernetes selectors. */
final class Scopes {

    private Scopes() {
    }

    /** Endpoints in the policy's own namespace ({@code projectcalico.org/namespace == ns}). */
    static Conjunct policyNamespace(String namespace) {
        return new Conjunct("the policy's namespace " + namespace, View.ENDPOINT,
                new Selector.Compare(CalicoLabels.NAMESPACE, Selector.Compare.Operator.EQUALS, namespace));
    }

    /** Kubernetes pods matching a label selector ({@code projectcalico.org/orchestrator == 'k8s' && ...}). */
    static Conjunct kubernetesPods(String what, LabelSelector selector) {
        Selector k8s = new Selector.Compare(CalicoLabels.ORCHESTRATOR, Selector.Compare.Operator.EQUALS, "k8s");
        Selector converted = convert(selector);
        return new Conjunct(what, View.ENDPOINT, converted instanceof Selector.All ? k8s
                : new Selector.And(List.of(k8s, converted)));
    }

    /** Endpoints in namespaces whose labels match a Kubernetes label selector. */
    static Conjunct kubernetesNamespaces(String what, LabelSelector selector) {
        return new Conjunct(what, View.NAMESPACE, convert(selector));
    }

    /** A Kubernetes label selector as the Calico selector Calico converts it to. */
    static Selector convert(LabelSelector selector) {
        List<Selector> parts = new ArrayList<>();
        for (LabelRequirement requirement : selector.requirements()) {
            parts.add(switch (requirement.operator()) {
                case IN -> requirement.values().size() == 1 ? new Selector.Compare(requirement.key(),
                        Selector.Compare.Operator.EQUALS, requirement.values().get(0))
                        : new Selector.InSet(requirement.key(), new TreeSet<>(requirement.values()), false);
                case NOT_IN -> new Selector.InSet(requirement.key(), new TreeSet<>(requirement.values()), true);
                case EXISTS -> new Selector.Has(requirement.key());
                case DOES_NOT_EXIST -> new Selector.Not(new Selector.Has(requirement.key()));
            });
        }
        if (parts.isEmpty()) {
            return new Selector.All();
        }
        return parts.size() == 1 ? parts.get(0) : new Selector.And(parts);
    }
}
