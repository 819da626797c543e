package dev.kordon.simulator.input;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Strict reading of manifest fields: unknown fields and wrong types are problems with their path. */
public final class Fields {

    private Fields() {
    }

    /** Reports every field of {@code node} that is not in {@code known}. */
    public static void known(Manifest manifest, String path, JsonNode node, Set<String> known, Problems problems) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!known.contains(field.getKey())) {
                problems.add(manifest, join(path, field.getKey()), "is not a field of " + manifest.kind()
                        + (path.isEmpty() ? "" : " " + path), "remove it or fix its spelling; known fields: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** {@code a.b} from a path and a field, without a leading dot. */
    public static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The elements of a list field, reporting a field that is present but not a list. */
    public static List<JsonNode> list(Manifest manifest, String path, JsonNode node, Problems problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(manifest, path, "is not a list", "write it as a YAML list");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /**
     * A Kubernetes {@code LabelSelector} ({@code matchLabels}, {@code matchExpressions}) as a model selector; an
     * empty object selects everything in its scope. Invalid operators and missing values are problems.
     */
    public static LabelSelector labelSelector(Manifest manifest, String path, JsonNode node, Problems problems) {
        known(manifest, path, node, Set.of("matchLabels", "matchExpressions"), problems);
        List<LabelRequirement> requirements = new ArrayList<>();
        JsonNode labels = node.path("matchLabels");
        if (labels.isObject()) {
            for (Map.Entry<String, JsonNode> label : labels.properties()) {
                requirements.add(new LabelRequirement(label.getKey(), LabelRequirement.Operator.IN,
                        List.of(label.getValue().asString(""))));
            }
        }
        List<JsonNode> expressions = list(manifest, join(path, "matchExpressions"), node.path("matchExpressions"),
                problems);
        for (int i = 0; i < expressions.size(); i++) {
            JsonNode expression = expressions.get(i);
            String at = join(path, "matchExpressions") + "[" + i + "]";
            known(manifest, at, expression, Set.of("key", "operator", "values"), problems);
            String operator = expression.path("operator").asString("");
            LabelRequirement.Operator op = switch (operator) {
                case "In" -> LabelRequirement.Operator.IN;
                case "NotIn" -> LabelRequirement.Operator.NOT_IN;
                case "Exists" -> LabelRequirement.Operator.EXISTS;
                case "DoesNotExist" -> LabelRequirement.Operator.DOES_NOT_EXIST;
                default -> null;
            };
            if (op == null) {
                problems.add(manifest, at + ".operator", "is not a label selector operator: '" + operator + "'",
                        "use In, NotIn, Exists or DoesNotExist");
                continue;
            }
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(value -> values.add(value.asString("")));
            if (op.takesValues() == values.isEmpty()) {
                problems.add(manifest, at + ".values", op.takesValues() ? "operator " + operator + " needs values"
                        : "operator " + operator + " takes no values", "fix the values of the expression");
                continue;
            }
            requirements.add(new LabelRequirement(expression.path("key").asString(""), op, values));
        }
        return requirements.isEmpty() ? LabelSelector.matchingAll() : new LabelSelector(requirements);
    }
}
