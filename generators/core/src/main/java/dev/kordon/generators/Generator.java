package dev.kordon.generators;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Generates the manifests of policy sets for targets, refusing to widen or narrow any intent that did not accept it.
 *
 * <pre>{@code
 * Generation cilium = new Generator().generate(List.of(shop), Targets.parse("cilium"));
 * cilium.files().forEach(...);           // path -> YAML, kustomization.yaml, fidelity.txt, fidelity.json
 * }</pre>
 */
public final class Generator {

    private final GeneratorOptions options;

    /** A generator with the options of a stock cluster. */
    public Generator() {
        this(GeneratorOptions.defaults());
    }

    public Generator(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * How faithfully the target would enforce every intent, without generating anything.
     *
     * @throws dev.kordon.dsl.InvalidPolicySetException when a set has validation problems
     */
    public FidelityReport assess(List<PolicySet> sets, Target target) {
        List<FidelityEntry> entries = new ArrayList<>();
        int intents = 0;
        for (PolicySet set : sets) {
            set.validate().throwIfInvalid();
            for (Intent intent : set.intents()) {
                intents++;
                for (Layer layer : target.layers()) {
                    if (layer.scope().includes(intent)) {
                        assess(set, intent, target, layer, entries, options);
                    }
                }
            }
        }
        return new FidelityReport(target.id(), intents, entries);
    }

    private static void assess(PolicySet set, Intent intent, Target target, Layer layer, List<FidelityEntry> entries,
            GeneratorOptions options) {
        Capabilities capabilities = layer.backend().capabilities(layer.role());
        Set<Downgrade> accepted = intent instanceof Connection ? ((Connection) intent).accepted() : Set.of();
        String declaredAt = intent.origin().location().orElse("");
        List<Backend.Finding> findings = new ArrayList<>();
        for (Feature feature : Feature.of(set, intent)) {
            findings.add(new Backend.Finding(feature, capabilities.of(feature)));
        }
        findings.addAll(layer.backend().inspect(set, intent, layer.role(), options));
        Action action = intent instanceof Connection ? ((Connection) intent).action() : null;
        for (Backend.Finding finding : findings) {
            Support support = finding.support().forAction(action);
            if (support.fidelity() == Fidelity.EXACT) {
                continue;
            }
            boolean ok = support.downgrade().map(accepted::contains).orElse(false);
            entries.add(new FidelityEntry(set.name(), intent.name(), declaredAt, target.id(), layer.backend().id(),
                    finding.feature(), support.fidelity(), support.reason(), support.hint(), support.downgrades(), ok));
        }
    }

    /**
     * The manifests of the sets for one target.
     *
     * @throws GenerationException listing every intent the target cannot enforce as declared (nothing is generated)
     */
    public Generation generate(List<PolicySet> sets, Target target) {
        return generate(sets, List.of(target)).get(0);
    }

    /**
     * The manifests of the sets for every target, all or nothing: when any target has a problem, the exception lists
     * the problems of every target and nothing is generated.
     */
    public List<Generation> generate(List<PolicySet> sets, List<Target> targets) {
        List<FidelityReport> reports = new ArrayList<>();
        for (Target target : targets) {
            reports.add(assess(sets, target));
        }
        if (reports.stream().anyMatch(report -> !report.isAcceptable())) {
            throw new GenerationException(reports);
        }
        List<Generation> generations = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            generations.add(new Generation(targets.get(i), render(sets, targets.get(i)), reports.get(i)));
        }
        return generations;
    }

    private List<Resource> render(List<PolicySet> sets, Target target) {
        List<Resource> resources = new ArrayList<>();
        for (PolicySet set : sets) {
            for (Layer layer : target.layers()) {
                List<Intent> intents = set.intents().stream().filter(layer.scope()::includes).toList();
                resources.addAll(layer.backend().render(new RenderRequest(set, intents, layer.role(), target.id(),
                        options)));
            }
        }
        Map<String, Resource> byFile = new HashMap<>();
        List<Resource> distinct = new ArrayList<>();
        for (Resource resource : resources) {
            Resource earlier = byFile.putIfAbsent(resource.file(), resource);
            if (earlier == null) {
                distinct.add(resource);
            } else if (!earlier.equals(resource)) {
                throw new IllegalStateException("two different objects would be written to " + target.id() + "/"
                        + resource.file() + " (intents " + earlier.intents() + " and " + resource.intents()
                        + "); rename one of the policy sets or intents, or, when the kind allows a single object per"
                        + " cluster (BaselineAdminNetworkPolicy 'default'), keep its guardrails in one policy set");
            }
        }
        return distinct;
    }
}
