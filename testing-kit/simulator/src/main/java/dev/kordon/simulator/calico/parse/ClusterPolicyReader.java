package dev.kordon.simulator.calico.parse;

import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.calico.model.Action;
import dev.kordon.simulator.calico.model.Conjunct;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.EntityRule;
import dev.kordon.simulator.calico.model.Policy;
import dev.kordon.simulator.calico.model.PolicyKind;
import dev.kordon.simulator.calico.model.ProtocolMatch;
import dev.kordon.simulator.calico.model.Rule;
import dev.kordon.simulator.calico.model.StagedAction;
import dev.kordon.simulator.calico.model.Tier;
import dev.kordon.simulator.calico.model.View;
import dev.kordon.simulator.calico.selector.Selector;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code policy.networking.k8s.io/v1alpha2} {@code ClusterNetworkPolicy} and converts it as Calico does
 * ({@code K8sClusterNetworkPolicyToCalico}): a global policy in tier {@code kube-admin} or {@code kube-baseline}
 * whose order is the priority; Accept becomes Allow; types come only from the rules present. A rule Calico cannot
 * convert (named ports, {@code nodes} or {@code domainNames} peers) fails closed: an Accept rule matches nothing, a
 * Deny or Pass rule becomes "Deny everything".
 */
public final class ClusterPolicyReader {

    /** Reads one policy; empty when it has problems (which go to {@code problems}). */
    public Optional<Policy> read(Manifest manifest, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        JsonNode spec = fields.spec("status");
        fields.known("spec", spec, Set.of("tier", "priority", "subject", "ingress", "egress"));
        int before = problems.all().size();
        String tier = tier(fields, spec.get("tier"));
        Optional<Integer> priority = fields.integer("spec.priority", spec.get("priority"), 0, 1000);
        if (priority.isEmpty() && !ManifestFields.present(spec.get("priority"))) {
            fields.problem("spec.priority", "is missing", "set a priority 0..1000 (lower goes first)");
        }
        List<Conjunct> subject = subject(fields, spec.get("subject"));
        ClusterRuleConverter rules = new ClusterRuleConverter(fields);
        List<Rule> ingress = rules.convert("spec.ingress", spec.get("ingress"), Direction.INGRESS);
        List<Rule> egress = rules.convert("spec.egress", spec.get("egress"), Direction.EGRESS);
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        if (ingress.stream().anyMatch(ClusterRuleConverter::isCalicoRule)) {
            types.add(Direction.INGRESS);
        }
        if (egress.stream().anyMatch(ClusterRuleConverter::isCalicoRule)) {
            types.add(Direction.EGRESS);
        }
        if (problems.all().size() > before || priority.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Policy(PolicyKind.KUBERNETES_CLUSTER_NETWORK_POLICY, "", manifest.name(),
                manifest.describe(), tier, priority.get(), subject, types, ingress, egress, false,
                StagedAction.NONE));
    }

    private static String tier(ManifestFields fields, JsonNode node) {
        String tier = fields.string("spec.tier", node).orElse("");
        return switch (tier) {
            case "Admin" -> Tier.KUBE_ADMIN;
            case "Baseline" -> Tier.KUBE_BASELINE;
            default -> {
                fields.problem("spec.tier", tier.isEmpty() ? "is missing" : "is not Admin or Baseline: '" + tier + "'",
                        "set tier Admin or Baseline");
                yield Tier.KUBE_ADMIN;
            }
        };
    }

    private static List<Conjunct> subject(ManifestFields fields, JsonNode node) {
        if (!ManifestFields.present(node) || !node.isObject() || node.size() != 1) {
            fields.problem("spec.subject", "must set exactly one of namespaces and pods",
                    "select the subject pods with namespaces: {...} or pods: {namespaceSelector, podSelector}");
            return List.of();
        }
        fields.known("spec.subject", node, Set.of("namespaces", "pods"));
        if (node.has("namespaces")) {
            LabelSelector namespaces = fields.labelSelector("spec.subject.namespaces", node.get("namespaces"));
            return List.of(Scopes.kubernetesNamespaces("subject.namespaces " + namespaces, namespaces),
                    Scopes.kubernetesPods("pods", LabelSelector.matchingAll()));
        }
        return pods(fields, "spec.subject.pods", node.get("pods"), "subject.pods");
    }

    /** A {@code pods: {namespaceSelector, podSelector}} selection. */
    static List<Conjunct> pods(ManifestFields fields, String path, JsonNode node, String what) {
        fields.known(path, node, Set.of("namespaceSelector", "podSelector"));
        if (!node.isObject()) {
            return List.of();
        }
        List<Conjunct> parts = new ArrayList<>();
        for (String field : List.of("namespaceSelector", "podSelector")) {
            if (!ManifestFields.present(node.get(field))) {
                fields.problem(path + "." + field, "is missing", "set it; {} selects everything");
                return List.of();
            }
        }
        LabelSelector namespaces = fields.labelSelector(path + ".namespaceSelector", node.get("namespaceSelector"));
        LabelSelector pods = fields.labelSelector(path + ".podSelector", node.get("podSelector"));
        parts.add(Scopes.kubernetesNamespaces(what + ".namespaceSelector " + namespaces, namespaces));
        parts.add(Scopes.kubernetesPods(what + ".podSelector " + pods, pods));
        return parts;
    }

    /** A rule that Calico drops (an unconvertible Accept rule): it matches nothing. */
    static Rule matchesNothing(int index, String why) {
        EntityRule nothing = new EntityRule(List.of(), List.of(), List.of(new Conjunct("nothing (" + why + ")",
                View.ENDPOINT, new Selector.Not(new Selector.All()))), List.of(), List.of(), List.of());
        return Rule.of(index, "dropped by Calico: " + why, Action.ALLOW, ProtocolMatch.ANY, nothing, EntityRule.ANY);
    }
}
