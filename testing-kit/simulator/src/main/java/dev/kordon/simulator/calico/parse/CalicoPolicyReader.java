package dev.kordon.simulator.calico.parse;

import dev.kordon.simulator.calico.model.Conjunct;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.Policy;
import dev.kordon.simulator.calico.model.PolicyKind;
import dev.kordon.simulator.calico.model.Rule;
import dev.kordon.simulator.calico.model.StagedAction;
import dev.kordon.simulator.calico.model.Tier;
import dev.kordon.simulator.calico.model.View;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads Calico's {@code NetworkPolicy}, {@code GlobalNetworkPolicy} and their staged variants: subject, tier, order,
 * types (defaulted as Calico does: Egress alone when only egress rules are given) and rules.
 */
public final class CalicoPolicyReader {

    private static final Set<String> COMMON = Set.of("tier", "order", "selector", "serviceAccountSelector", "types",
            "ingress", "egress", "performanceHints");
    private static final Set<String> GLOBAL = Set.of("namespaceSelector", "doNotTrack", "preDNAT", "applyOnForward");

    /** Reads one policy of the kind; empty when it has problems (which go to {@code problems}). */
    public Optional<Policy> read(Manifest manifest, PolicyKind kind, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        boolean global = kind == PolicyKind.GLOBAL_NETWORK_POLICY || kind == PolicyKind.STAGED_GLOBAL_NETWORK_POLICY;
        JsonNode spec = fields.spec();
        Set<String> known = new TreeSet<>(COMMON);
        if (global) {
            known.addAll(GLOBAL);
        }
        if (kind.staged()) {
            known.add("stagedAction");
        }
        fields.known("spec", spec, known);
        String namespace = global ? "" : manifest.namespace();
        if (!global && namespace.isEmpty()) {
            fields.problem("metadata.namespace", "is missing", "set the namespace the policy is applied in");
            return Optional.empty();
        }
        int before = problems.all().size();
        List<Conjunct> subject = subject(fields, spec, namespace, global);
        String tier = fields.string("spec.tier", spec.get("tier")).filter(t -> !t.isEmpty()).orElse(Tier.DEFAULT);
        double order = fields.number("spec.order", spec.get("order")).orElse(Double.POSITIVE_INFINITY);
        CalicoRuleReader rules = new CalicoRuleReader(fields, namespace);
        List<Rule> ingress = rules.rules("spec.ingress", spec.get("ingress"), Direction.INGRESS);
        List<Rule> egress = rules.rules("spec.egress", spec.get("egress"), Direction.EGRESS);
        Set<Direction> types = types(fields, spec, !ingress.isEmpty() || nonEmptyList(spec.get("ingress")),
                !egress.isEmpty() || nonEmptyList(spec.get("egress")));
        boolean hostOnly = hostEndpointsOnly(fields, spec, global);
        StagedAction staged = kind.staged() ? stagedAction(fields, spec.get("stagedAction")) : StagedAction.NONE;
        if (problems.all().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Policy(kind, namespace, manifest.name(), manifest.describe(), tier, order, subject,
                types, ingress, egress, hostOnly, staged));
    }

    private static List<Conjunct> subject(ManifestFields fields, JsonNode spec, String namespace, boolean global) {
        List<Conjunct> subject = new ArrayList<>();
        if (!global) {
            subject.add(Scopes.policyNamespace(namespace));
        } else {
            fields.selector("spec.namespaceSelector", spec.get("namespaceSelector"), false)
                    .filter(s -> !blank(spec.get("namespaceSelector")))
                    .ifPresent(s -> subject.add(new Conjunct("namespaceSelector " + s, View.NAMESPACE, s)));
        }
        fields.selector("spec.selector", spec.get("selector"), false).filter(s -> !blank(spec.get("selector")))
                .ifPresent(s -> subject.add(new Conjunct("selector " + s, View.ENDPOINT, s)));
        fields.selector("spec.serviceAccountSelector", spec.get("serviceAccountSelector"), false)
                .filter(s -> !blank(spec.get("serviceAccountSelector")))
                .ifPresent(s -> subject.add(new Conjunct("serviceAccountSelector " + s, View.SERVICE_ACCOUNT, s)));
        return subject;
    }

    /**
     * Whether the policy applies to host endpoints only ({@code doNotTrack} or {@code preDNAT}); checks the fields
     * that change nothing for pods ({@code applyOnForward}, {@code performanceHints}).
     */
    private static boolean hostEndpointsOnly(ManifestFields fields, JsonNode spec, boolean global) {
        for (String hint : fields.strings("spec.performanceHints", spec.get("performanceHints"))) {
            if (!hint.equals("AssumeNeededOnEveryNode")) {
                fields.problem("spec.performanceHints", "is not a performance hint: '" + hint + "'",
                        "use AssumeNeededOnEveryNode or remove it");
            }
        }
        fields.bool("spec.applyOnForward", spec.get("applyOnForward"));
        return global && (fields.bool("spec.doNotTrack", spec.get("doNotTrack")).orElse(false)
                | fields.bool("spec.preDNAT", spec.get("preDNAT")).orElse(false));
    }

    static boolean nonEmptyList(JsonNode node) {
        return node != null && node.isArray() && !node.isEmpty();
    }

    private static boolean blank(JsonNode node) {
        return node == null || node.isString() && node.asString().isEmpty();
    }

    /** Explicit types, or Calico's defaulting: Ingress, plus Egress when egress rules exist; Egress alone if only they do. */
    static Set<Direction> types(ManifestFields fields, JsonNode spec, boolean hasIngress, boolean hasEgress) {
        List<String> written = fields.strings("spec.types", spec.get("types"));
        if (written.isEmpty()) {
            if (ManifestFields.present(spec.get("types"))) {
                fields.problem("spec.types", "is empty", "list Ingress and/or Egress, or leave types out");
            }
            Set<Direction> types = EnumSet.noneOf(Direction.class);
            if (hasIngress || !hasEgress) {
                types.add(Direction.INGRESS);
            }
            if (hasEgress) {
                types.add(Direction.EGRESS);
            }
            return types;
        }
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        for (String type : written) {
            if (!type.equals("Ingress") && !type.equals("Egress")) {
                fields.problem("spec.types", "is not a policy type: '" + type + "'", "use Ingress and/or Egress");
            } else if (!types.add(Direction.valueOf(type.toUpperCase(Locale.ROOT)))) {
                fields.problem("spec.types", "lists " + type + " twice", "list each type once");
            }
        }
        return types;
    }

    private static StagedAction stagedAction(ManifestFields fields, JsonNode node) {
        String text = fields.string("spec.stagedAction", node).orElse("Set");
        return switch (text) {
            case "Set" -> StagedAction.SET;
            case "Delete" -> StagedAction.DELETE;
            case "Learn" -> StagedAction.LEARN;
            case "Ignore" -> StagedAction.IGNORE;
            default -> {
                fields.problem("spec.stagedAction", "is not a staged action: '" + text + "'",
                        "use Set, Delete, Learn or Ignore");
                yield StagedAction.SET;
            }
        };
    }
}
