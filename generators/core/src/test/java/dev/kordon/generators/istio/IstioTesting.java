package dev.kordon.generators.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Generator;
import dev.kordon.generators.Layer;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.SchemaValidator;
import dev.kordon.generators.Scope;
import dev.kordon.generators.Target;
import dev.kordon.generators.Targets;
import dev.kordon.generators.manifest.Yaml;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Shared steps of the Istio backend's tests: generating, isolating the mesh layer, validating, reading specs. */
final class IstioTesting {

    static final String KUBERNETES_ISTIO = "kubernetes+istio";

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    private IstioTesting() {
    }

    /** The full target: the NetworkPolicy transport layer below the Istio mesh layer. */
    static Generation kubernetesIstio(PolicySet set) {
        Generation generation = new Generator().generate(List.of(set), Targets.parse(KUBERNETES_ISTIO));
        assertSchemaValid(generation);
        return generation;
    }

    /**
     * The Istio layer alone, assessed and rendered by the generator as it would be in any {@code <cni>+istio} target;
     * used where the kubernetes transport layer would refuse the intent (denies, audits, guardrails, dry run).
     */
    static Target meshAlone() {
        return new Target("istio-mesh-layer", List.of(new Layer(new IstioBackend(), Scope.ALL, Role.MESH)));
    }

    static Generation mesh(PolicySet set) {
        Generation generation = new Generator().generate(List.of(set), meshAlone());
        assertSchemaValid(generation);
        return generation;
    }

    /** The mesh layer's findings that stop generation. */
    static List<FidelityEntry> meshProblems(PolicySet set) {
        return new Generator().assess(List.of(set), meshAlone()).problems();
    }

    /** Every finding of the mesh layer, problems or not. */
    static List<FidelityEntry> meshFindings(PolicySet set) {
        return new Generator().assess(List.of(set), meshAlone()).entries();
    }

    static void assertSchemaValid(Generation generation) {
        for (Resource resource : generation.resources()) {
            assertThat(SCHEMAS.validate(resource)).as("schema violations of %s", resource.file()).isEmpty();
        }
    }

    /** The AuthorizationPolicies of a generation. */
    static List<Resource> policies(Generation generation) {
        return generation.resources().stream().filter(resource -> resource.kind().equals("AuthorizationPolicy"))
                .toList();
    }

    /** The one AuthorizationPolicy of a generation, as written. */
    static JsonNode onlyPolicy(Generation generation) {
        assertThat(policies(generation)).hasSize(1);
        return Yaml.read(Yaml.write(policies(generation).get(0).body()));
    }

    /** The spec of the one AuthorizationPolicy, as written. */
    static JsonNode onlySpec(Generation generation) {
        return onlyPolicy(generation).path("spec");
    }

    /** YAML text parsed, to compare with a written spec. */
    static JsonNode yaml(String text) {
        return Yaml.read(text);
    }
}
