package dev.kordon.generators.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Generator;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.Resource;
import dev.kordon.generators.SchemaValidator;
import dev.kordon.generators.Targets;
import dev.kordon.generators.manifest.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generation for the {@code calico} target and the checks every generated object passes: the official schema
 * (staged kinds through their enforced form, as Calico's validator does), and the CEL and validator rules the schema
 * validator does not evaluate (backends.md §3.1).
 */
final class CalicoManifests {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern POLICY_NAME = Pattern.compile(LABEL + "\\." + LABEL);
    private static final Pattern TIER_NAME = Pattern.compile(LABEL);

    private CalicoManifests() {
    }

    /** The sets generated for {@code calico}, every object checked with {@link #assertValid(Generation)}. */
    static Generation calico(PolicySet... sets) {
        return calico(GeneratorOptions.defaults(), sets);
    }

    static Generation calico(GeneratorOptions options, PolicySet... sets) {
        Generation generation = new Generator(options).generate(List.of(sets), Targets.parse("calico"));
        assertValid(generation);
        return generation;
    }

    /** The object as it is written, parsed back. */
    static JsonNode tree(Resource resource) {
        return Yaml.read(Yaml.write(resource.body()));
    }

    /** The one resource of this kind and name. */
    static Resource resource(Generation generation, String kind, String name) {
        return generation.resources().stream()
                .filter(resource -> resource.kind().equals(kind) && resource.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in "
                        + generation.resources().stream().map(Resource::file).toList()));
    }

    /** The policies (every kind but Tier). */
    static List<Resource> policies(Generation generation) {
        return generation.resources().stream().filter(resource -> !resource.kind().equals("Tier")).toList();
    }

    static void assertValid(Generation generation) {
        for (Resource resource : generation.resources()) {
            assertValid(resource);
        }
    }

    static void assertValid(Resource resource) {
        JsonNode manifest = tree(resource);
        assertThat(SCHEMAS.validate(enforcedForm(manifest))).as("schema violations of %s", resource.file()).isEmpty();
        assertThat(violations(manifest)).as("Calico validation of %s", resource.file()).isEmpty();
    }

    /** A staged policy as Calico validates it: the enforced kind without {@code stagedAction}. */
    private static JsonNode enforcedForm(JsonNode manifest) {
        String kind = manifest.path("kind").asString();
        if (!kind.startsWith("Staged")) {
            return manifest;
        }
        ObjectNode enforced = (ObjectNode) manifest.deepCopy();
        enforced.put("kind", kind.substring("Staged".length()));
        assertThat(manifest.path("spec").path("stagedAction").asString()).isEqualTo("Set");
        ((ObjectNode) enforced.get("spec")).remove("stagedAction");
        return enforced;
    }

    /** The rules of backends.md §3.1 (CEL markers and the v3 validator) that a schema cannot check. */
    static List<String> violations(JsonNode manifest) {
        List<String> problems = new ArrayList<>();
        String name = manifest.path("metadata").path("name").asString();
        JsonNode spec = manifest.path("spec");
        if (manifest.path("kind").asString().equals("Tier")) {
            if (!TIER_NAME.matcher(name).matches() || name.length() > 63) {
                problems.add("tier name " + name);
            }
            return problems;
        }
        if (!POLICY_NAME.matcher(name).matches() || name.length() > 63
                || !name.startsWith(spec.path("tier").asString() + ".")) {
            problems.add("policy name " + name + " is not <tier>.<label> within 63 characters");
        }
        if (!spec.has("types") || spec.path("types").isEmpty()) {
            problems.add("types not written");
        }
        for (String field : List.of("selector", "namespaceSelector")) {
            if (spec.path(field).asString("").contains("global(")) {
                problems.add(field + " uses global()");
            }
        }
        rules(spec.path("ingress"), false, problems);
        rules(spec.path("egress"), true, problems);
        return problems;
    }

    private static void rules(JsonNode rules, boolean egress, List<String> problems) {
        for (JsonNode rule : rules) {
            String protocol = rule.path("protocol").asString("");
            boolean ports = rule.path("source").has("ports") || rule.path("destination").has("ports");
            if (ports && !List.of("TCP", "UDP", "SCTP").contains(protocol)) {
                problems.add("ports without TCP, UDP or SCTP: " + rule);
            }
            if (rule.has("http") && (egress || !rule.path("action").asString().equals("Allow")
                    || !protocol.isEmpty() && !protocol.equals("TCP"))) {
                problems.add("http outside an ingress Allow rule for TCP: " + rule);
            }
            List<String> nets = new ArrayList<>();
            for (String side : List.of("source", "destination")) {
                rule.path(side).path("nets").forEach(net -> nets.add(net.asString()));
                rule.path(side).path("notNets").forEach(net -> nets.add(net.asString()));
                if (rule.path(side).path("notNets").toString().contains("/0\"")) {
                    problems.add("catch-all notNets: " + rule);
                }
            }
            if (nets.stream().map(net -> net.contains(":")).distinct().count() > 1) {
                problems.add("nets of both IP families in one rule: " + rule);
            }
        }
    }
}
