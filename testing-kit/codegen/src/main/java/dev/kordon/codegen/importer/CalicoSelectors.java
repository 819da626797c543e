package dev.kordon.codegen.importer;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.simulator.calico.selector.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * Calico selectors read as label selectors: the subset of the selector language that a Kubernetes label selector
 * says exactly ({@code k == "v"}, {@code k != "v"}, {@code k in {…}}, {@code k not in {…}}, {@code has(k)},
 * {@code !has(k)}, {@code all()}, joined with {@code &&}); a {@code ||} at the top gives one selector per
 * alternative. {@code !=} and {@code not in} match pods without the label in both languages.
 */
final class CalicoSelectors {

    /** The label Calico gives every Kubernetes pod; a rule pins its selector to pods with it. */
    static final String ORCHESTRATOR = "projectcalico.org/orchestrator";
    /** The label Calico gives every pod: the name of its service account. */
    static final String SERVICE_ACCOUNT = "projectcalico.org/serviceaccount";
    /** The label of a namespace's profile: its name. */
    private static final String NAMESPACE_NAME = "projectcalico.org/name";
    private static final String CALICO_PREFIX = "projectcalico.org/";
    private static final String FIX = "write the selector with ==, !=, in, not in, has(), !has() and && only (|| at"
            + " the top), or declare this policy with the DSL by hand";

    private CalicoSelectors() {
    }

    /**
     * The pod selectors of a selector, one per alternative of a top-level {@code ||}, with
     * {@code projectcalico.org/orchestrator == "k8s"} left out (every pod has it). Other Calico labels are kept, for
     * the caller to read or refuse.
     */
    static List<LabelSelector> alternatives(String field, String text) throws NotExpressible {
        Selector selector = parse(field, text);
        List<Selector> alternatives = selector instanceof Selector.Or or ? or.operands() : List.of(selector);
        List<LabelSelector> selectors = new ArrayList<>();
        for (Selector alternative : alternatives) {
            List<LabelRequirement> requirements = new ArrayList<>();
            requirements(field, alternative, requirements);
            requirements.removeIf(r -> r.key().equals(ORCHESTRATOR) && r.operator() == LabelRequirement.Operator.IN
                    && r.values().equals(List.of("k8s")));
            selectors.add(requirements.isEmpty() ? LabelSelector.matchingAll() : new LabelSelector(requirements));
        }
        return selectors;
    }

    /** A pod selector without Calico's own labels. */
    static LabelSelector pods(String field, LabelSelector selector) throws NotExpressible {
        for (LabelRequirement requirement : selector.requirements()) {
            if (requirement.key().startsWith(CALICO_PREFIX)) {
                throw new NotExpressible(field, "is not imported: the selector term on " + requirement.key()
                        + " selects by a label Calico derives, which a pod selector of the DSL cannot say here", FIX);
            }
        }
        return selector;
    }

    /**
     * The namespaces a {@code namespaceSelector} picks: by name ({@code projectcalico.org/name == "a"} or
     * {@code in {…}} alone), every namespace ({@code all()}), or those with the labels.
     */
    static NamespaceScope namespaces(String field, String text) throws NotExpressible {
        List<LabelSelector> alternatives = alternatives(field, text);
        if (alternatives.size() != 1) {
            throw new NotExpressible(field, "is not imported: a namespaceSelector with || has no single namespace"
                    + " scope in the DSL", "split the rule into one rule per alternative");
        }
        LabelSelector selector = alternatives.get(0);
        if (selector.matchesAll()) {
            return new NamespaceScope.All();
        }
        List<LabelRequirement> requirements = selector.requirements();
        if (requirements.size() == 1 && requirements.get(0).key().equals(NAMESPACE_NAME)
                && requirements.get(0).operator() == LabelRequirement.Operator.IN) {
            return new NamespaceScope.Named(requirements.get(0).values());
        }
        return new NamespaceScope.Labelled(pods(field, selector));
    }

    private static Selector parse(String field, String text) throws NotExpressible {
        Selector selector = Selector.parse(text);
        if (selector.mentionsGlobal()) {
            throw new NotExpressible(field, "is not imported: global() selects non-namespaced resources (host"
                    + " endpoints, global network sets), which the DSL does not model", FIX);
        }
        return selector;
    }

    private static void requirements(String field, Selector selector, List<LabelRequirement> into)
            throws NotExpressible {
        if (selector instanceof Selector.All) {
            return;
        }
        if (selector instanceof Selector.And and) {
            for (Selector operand : and.operands()) {
                requirements(field, operand, into);
            }
            return;
        }
        if (selector instanceof Selector.Has has) {
            into.add(new LabelRequirement(has.key(), LabelRequirement.Operator.EXISTS, List.of()));
        } else if (selector instanceof Selector.Not not && not.operand() instanceof Selector.Has has) {
            into.add(new LabelRequirement(has.key(), LabelRequirement.Operator.DOES_NOT_EXIST, List.of()));
        } else if (selector instanceof Selector.InSet in) {
            into.add(new LabelRequirement(in.key(), in.negated() ? LabelRequirement.Operator.NOT_IN
                    : LabelRequirement.Operator.IN, List.copyOf(in.values())));
        } else if (selector instanceof Selector.Compare compare
                && compare.operator() == Selector.Compare.Operator.EQUALS) {
            into.add(new LabelRequirement(compare.key(), LabelRequirement.Operator.IN, List.of(compare.value())));
        } else if (selector instanceof Selector.Compare compare
                && compare.operator() == Selector.Compare.Operator.NOT_EQUALS) {
            into.add(new LabelRequirement(compare.key(), LabelRequirement.Operator.NOT_IN, List.of(compare.value())));
        } else {
            throw new NotExpressible(field, "is not imported: the selector term '" + selector + "' has no label"
                    + " selector form (contains, starts with, ends with, ! of an expression, || inside &&)", FIX);
        }
    }
}
