package dev.kordon.simulator.istio;

import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads an AuthorizationPolicy strictly: every unknown field, wrong type and value Istio's validation rejects is a
 * problem with its path. The rules themselves are read by {@link RuleParser}.
 */
final class AuthorizationPolicyParser {

    /** The annotation that evaluates a policy without enforcing it. */
    static final String DRY_RUN = "istio.io/dry-run";

    /** The policy of a manifest, or empty when it cannot be read at all (its problems are reported). */
    Optional<AuthzPolicy> parse(Manifest manifest, Problems problems) {
        Yaml yaml = new Yaml(manifest, problems);
        JsonNode spec = manifest.body().path("spec");
        if (Yaml.present(spec) && !yaml.map("spec", spec, "selector", "targetRef", "targetRefs", "action",
                "provider", "rules")) {
            return Optional.empty();
        }
        Action action = action(yaml, spec.path("action"));
        String provider = provider(yaml, spec, action);
        WorkloadScope scope = Scopes.read(yaml, spec, true);
        List<AuthzRule> rules = new ArrayList<>();
        List<JsonNode> items = yaml.list("spec.rules", spec.path("rules"));
        RuleParser parser = new RuleParser(yaml, action);
        for (int i = 0; i < items.size(); i++) {
            rules.add(parser.rule(Yaml.at("spec.rules", i), items.get(i), i));
        }
        if (action == Action.CUSTOM && !Yaml.present(spec.path("rules"))) {
            yaml.problem("spec.rules", "is missing: a CUSTOM policy without rules is never triggered",
                    "add an empty rule {} to send every request to the provider");
        }
        return Optional.of(new AuthzPolicy(yaml.resource(), yaml.namespace(), scope, action, dryRun(yaml),
                provider, rules));
    }

    private static Action action(Yaml yaml, JsonNode node) {
        String text = yaml.string("spec.action", node).orElse("ALLOW");
        for (Action action : Action.values()) {
            if (action.name().equals(text)) {
                return action;
            }
        }
        yaml.problem("spec.action", "is not an action: '" + text + "'", "use ALLOW, DENY, AUDIT or CUSTOM");
        return Action.ALLOW;
    }

    private static String provider(Yaml yaml, JsonNode spec, Action action) {
        JsonNode node = spec.path("provider");
        if (!yaml.map("spec.provider", node, "name")) {
            if (action == Action.CUSTOM && Yaml.present(spec.path("rules"))) {
                yaml.problem("spec.provider", "is missing: a CUSTOM policy names its extension provider",
                        "give provider.name, an extensionProvider of the MeshConfig");
            }
            return "";
        }
        String name = yaml.string("spec.provider.name", node.path("name")).orElse("");
        if (action != Action.CUSTOM) {
            yaml.problem("spec.provider", "is set, but only CUSTOM policies have a provider (this one is " + action + ")",
                    "remove it, or make the action CUSTOM");
        } else if (name.isEmpty()) {
            yaml.problem("spec.provider.name", "is empty", "name an extensionProvider of the MeshConfig");
        }
        return name;
    }

    private static boolean dryRun(Yaml yaml) {
        JsonNode annotation = yaml.manifest().body().path("metadata").path("annotations").path(DRY_RUN);
        Optional<String> text = yaml.string("metadata.annotations." + DRY_RUN, annotation);
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.get()) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> {
                yaml.problem("metadata.annotations." + DRY_RUN, "is not a boolean: '" + text.get() + "'",
                        "write \"true\" or \"false\"");
                yield false;
            }
        };
    }
}
