package dev.kordon.simulator.generic;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.input.Fields;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of one manifest's fields: every wrong type, missing or unknown field and bad value becomes a problem
 * with its path; readers return what could be read.
 */
final class ManifestFields {

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec", "status");
    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "managedFields", "finalizers", "ownerReferences", "generateName", "selfLink");

    private final Manifest manifest;
    private final Problems problems;

    ManifestFields(Manifest manifest, Problems problems) {
        this.manifest = manifest;
        this.problems = problems;
    }

    Manifest manifest() {
        return manifest;
    }

    /** Records a problem about a field. */
    void problem(String path, String message, String hint) {
        problems.add(manifest, path, message, hint);
    }

    /**
     * Checks the object's top-level and metadata fields; {@code status}, written by controllers, does not change
     * what is enforced and is not read.
     */
    void header(boolean namespaced) {
        known("", manifest.body(), TOP);
        known("metadata", manifest.body().path("metadata"), METADATA);
        if (!namespaced && !manifest.namespace().isEmpty()) {
            problem("metadata.namespace", "is set, but a " + manifest.kind() + " is cluster-scoped: it applies to"
                    + " the pods its subject selects in every namespace", "remove metadata.namespace");
        }
        if (!manifest.body().path("spec").isObject()) {
            problem("spec", manifest.body().has("spec") ? "is not a map" : "is missing",
                    "write the spec of the " + manifest.kind());
        }
    }

    /** Reports every field of {@code node} not in {@code fields}. */
    void known(String path, JsonNode node, Set<String> fields) {
        Fields.known(manifest, path, node, fields, problems);
    }

    /** Whether a field is absent or null. */
    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** Reports a required field that is absent; whether it is present. */
    boolean required(String path, JsonNode node) {
        return required(path, node, "it is required");
    }

    /** Reports a required field that is absent, with a hint; whether it is present. */
    boolean required(String path, JsonNode node, String hint) {
        if (absent(node)) {
            problem(path, node != null && node.isNull() ? "is empty" : "is missing", hint);
            return false;
        }
        return true;
    }

    /** Whether the field is a map; reports one that is present but is not. */
    boolean map(String path, JsonNode node) {
        if (node.isObject()) {
            return true;
        }
        if (!absent(node)) {
            problem(path, "is not a map", "write it as a YAML map");
        }
        return false;
    }

    /**
     * The one field of {@code names} that a map sets; reports a map that sets none or several (unknown fields are
     * reported by {@link #known}).
     */
    Optional<String> exactlyOne(String path, JsonNode node, List<String> names) {
        List<String> set = names.stream().filter(name -> !absent(node.path(name))).toList();
        if (set.size() == 1) {
            return Optional.of(set.get(0));
        }
        problem(path, set.isEmpty() ? "sets none of " + String.join(", ", names)
                : "sets " + String.join(" and ", set) + " together", "set exactly one of "
                + String.join(", ", names));
        return Optional.empty();
    }

    /** The items of a list field with {@code min..max} items; an absent field is an empty list. */
    List<JsonNode> list(String path, JsonNode node, int min, int max) {
        List<JsonNode> items = Fields.list(manifest, path, node, problems);
        if (!absent(node) && node.isArray() && (items.size() < min || items.size() > max)) {
            problem(path, "has " + items.size() + " items", "give " + (min == 0 ? "at most " + max
                    : min + " to " + max) + " items");
        }
        return items;
    }

    /** An integer in {@code min..max}; empty (and reported) when it is not one, empty (silently) when absent. */
    Optional<Integer> integer(String path, JsonNode node, int min, int max) {
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(path, "is not an integer: " + text(node), "write a number from " + min + " to " + max);
            return Optional.empty();
        }
        int value = node.intValue();
        if (value < min || value > max) {
            problem(path, "is out of range " + min + ".." + max + ": " + value, "write a number from " + min
                    + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A string; empty (and reported) when it is not one, empty (silently) when absent. */
    Optional<String> string(String path, JsonNode node) {
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isString()) {
            problem(path, "is not a string: " + text(node), "write it as a string");
            return Optional.empty();
        }
        return Optional.of(node.stringValue());
    }

    /** TCP, UDP or SCTP, as written (uppercase); TCP when absent; empty (and reported) when it is another value. */
    Optional<Transport> protocol(String path, JsonNode node, String hint) {
        if (absent(node)) {
            return Optional.of(Transport.TCP);
        }
        Optional<String> text = string(path, node);
        Optional<Transport> protocol = text.flatMap(value -> EnumSet.of(Transport.TCP, Transport.UDP, Transport.SCTP)
                .stream().filter(transport -> transport.name().equals(value)).findFirst());
        if (text.isPresent() && protocol.isEmpty()) {
            problem(path, "is not TCP, UDP or SCTP: '" + text.get() + "'", hint);
        }
        return protocol;
    }

    /** A value as it appears in a message: a string in quotes, anything else as JSON. */
    static String text(JsonNode node) {
        return node.isString() ? "'" + node.stringValue() + "'" : node.toString();
    }

    /** A CIDR; empty (and reported) when it cannot be parsed, empty (silently) when absent. */
    Optional<Cidr> cidr(String path, JsonNode node) {
        return string(path, node).flatMap(text -> {
            Cidr cidr = Cidr.of(text);
            if (cidr.prefixLength().isEmpty()) {
                problem(path, "is not a valid CIDR: '" + text + "'", "write an IPv4 or IPv6 network such as"
                        + " 10.0.0.0/8 or fd00::/8");
                return Optional.empty();
            }
            return Optional.of(cidr);
        });
    }

    /**
     * A Kubernetes label selector; empty when absent or null (a missing selector), and when invalid (reported).
     * {@code {}} selects everything in its scope.
     */
    Optional<LabelSelector> selector(String path, JsonNode node) {
        if (!map(path, node)) {
            return Optional.empty();
        }
        int before = problems.all().size();
        checkLabels(path, node);
        LabelSelector selector = Fields.labelSelector(manifest, path, node, problems);
        return problems.all().size() == before ? Optional.of(selector) : Optional.empty();
    }

    private void checkLabels(String path, JsonNode node) {
        JsonNode labels = node.path("matchLabels");
        if (map(Fields.join(path, "matchLabels"), labels)) {
            for (Map.Entry<String, JsonNode> label : labels.properties()) {
                String at = Fields.join(path, "matchLabels") + "." + label.getKey();
                LabelSyntax.keyProblem(label.getKey()).ifPresent(message -> problem(at, message, "fix the key"));
                if (!label.getValue().isString()) {
                    problem(at, "is not a string: " + text(label.getValue()), "quote the value");
                } else {
                    LabelSyntax.valueProblem(label.getValue().stringValue())
                            .ifPresent(message -> problem(at, message, "fix the value"));
                }
            }
        }
        List<JsonNode> expressions = new ArrayList<>();
        node.path("matchExpressions").forEach(expressions::add);
        for (int i = 0; i < expressions.size(); i++) {
            String at = Fields.join(path, "matchExpressions") + "[" + i + "]";
            JsonNode key = expressions.get(i).path("key");
            if (required(at + ".key", key)) {
                string(at + ".key", key).flatMap(LabelSyntax::keyProblem)
                        .ifPresent(message -> problem(at + ".key", message, "fix the key"));
            }
            List<JsonNode> values = new ArrayList<>();
            expressions.get(i).path("values").forEach(values::add);
            for (int v = 0; v < values.size(); v++) {
                String valuePath = at + ".values[" + v + "]";
                string(valuePath, values.get(v)).flatMap(LabelSyntax::valueProblem)
                        .ifPresent(message -> problem(valuePath, message, "fix the value"));
            }
        }
    }
}
