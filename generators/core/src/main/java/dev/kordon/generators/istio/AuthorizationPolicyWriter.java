package dev.kordon.generators.istio;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Feature;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.Resource;
import dev.kordon.generators.manifest.Manifests;
import dev.kordon.generators.manifest.ObjectMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the AuthorizationPolicy objects of one policy set: one per intent and destination workload. */
final class AuthorizationPolicyWriter {

    /** The annotation that makes Istio evaluate a policy without enforcing it. */
    static final String DRY_RUN = "istio.io/dry-run";

    private final PolicySet set;
    private final GeneratorOptions options;

    AuthorizationPolicyWriter(PolicySet set, GeneratorOptions options) {
        this.set = set;
        this.options = options;
    }

    /** An allow-nothing policy (a spec with only a selector) per isolated workload: everything else is denied. */
    List<Resource> isolation(Isolation isolation) {
        List<MeshSubjects.Unit> units = units(isolation, isolation.subjects());
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            MeshSubjects.Unit unit = units.get(i);
            resources.add(resource(isolation, name(isolation, units, i), unit,
                    new AuthorizationPolicy.Spec(selector(unit), null, null)));
        }
        return resources;
    }

    /** A policy with the connection's rules per destination workload (the connection has TCP traffic: see MeshAction). */
    List<Resource> connection(Connection connection, MeshAction action) {
        List<MeshSubjects.Unit> units = units(connection, connection.destinations());
        List<AuthorizationPolicy.From> from = MeshSources.from(set, connection.sources(), options.trustDomain());
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            MeshSubjects.Unit unit = units.get(i);
            MeshPorts.TcpPorts ports = MeshPorts.of(connection.ports(), unit);
            if (action == MeshAction.DENY && ports.all()) {
                throw new IllegalStateException("an HTTP deny must name its ports: " + connection);
            }
            List<AuthorizationPolicy.Rule> rules = rules(connection, from, ports);
            resources.add(resource(connection, name(connection, units, i), unit,
                    new AuthorizationPolicy.Spec(selector(unit), action.name(), rules)));
        }
        return resources;
    }

    /**
     * One rule per set of header conditions (headers are {@code when} conditions, which apply to a whole rule), with one
     * operation per HTTP rule; or one rule for the ports when the intent has no HTTP rules. The request conditions go
     * into every rule.
     */
    private static List<AuthorizationPolicy.Rule> rules(Connection connection, List<AuthorizationPolicy.From> from,
            MeshPorts.TcpPorts ports) {
        List<AuthorizationPolicy.Condition> conditions = MeshRequests.conditions(connection.conditions());
        if (connection.http().isEmpty()) {
            AuthorizationPolicy.Operation operation = new AuthorizationPolicy.Operation(null, ports.strings(), null, null);
            return List.of(new AuthorizationPolicy.Rule(from, to(List.of(operation)), conditions));
        }
        Map<List<AuthorizationPolicy.Condition>, List<AuthorizationPolicy.Operation>> byHeaders = new LinkedHashMap<>();
        for (HttpRule http : connection.http()) {
            byHeaders.computeIfAbsent(MeshRequests.headers(http), headers -> new ArrayList<>())
                    .add(new AuthorizationPolicy.Operation(MeshRequests.hosts(http), ports.strings(),
                            MeshRequests.methods(http), MeshRequests.paths(http)));
        }
        List<AuthorizationPolicy.Rule> rules = new ArrayList<>();
        byHeaders.forEach((headers, operations) -> {
            List<AuthorizationPolicy.Condition> when = new ArrayList<>(headers);
            when.addAll(conditions);
            rules.add(new AuthorizationPolicy.Rule(from, to(operations), when));
        });
        return rules;
    }

    /** The operations as {@code to}; none (any operation) when one of them constrains nothing. */
    private static List<AuthorizationPolicy.To> to(List<AuthorizationPolicy.Operation> operations) {
        if (operations.stream().anyMatch(AuthorizationPolicy.Operation::constrainsNothing)) {
            return List.of();
        }
        return operations.stream().distinct().map(AuthorizationPolicy.To::new).toList();
    }

    private List<MeshSubjects.Unit> units(Intent intent, List<Peer> subjects) {
        List<MeshSubjects.Unit> units = MeshSubjects.of(set, subjects, options.meshRootNamespace());
        for (MeshSubjects.Unit unit : units) {
            MeshSubjects.problem(unit, options.meshRootNamespace(), Feature.INGRESS).ifPresent(problem -> {
                throw new IllegalStateException(intent.name() + ": " + problem.reason() + "; the fidelity check should"
                        + " have refused it (is GeneratorOptions.meshRootNamespace the one the inspection assumed?)");
            });
        }
        for (Peer subject : subjects) {
            if (subject.isPods() && MeshSubjects.of(set, List.of(subject), options.meshRootNamespace()).isEmpty()) {
                throw new IllegalStateException(intent.name() + ": no workload to write a policy for " + subject
                        + "; the fidelity check should have refused it");
            }
        }
        return units;
    }

    private static AuthorizationPolicy.Selector selector(MeshSubjects.Unit unit) {
        return unit.matchLabels().map(AuthorizationPolicy.Selector::new).orElse(null);
    }

    private String name(Intent intent, List<MeshSubjects.Unit> units, int index) {
        return units.size() == 1 ? Manifests.name(set, intent.name())
                : Manifests.name(set, intent.name(), String.valueOf(index + 1));
    }

    private Resource resource(Intent intent, String name, MeshSubjects.Unit unit, AuthorizationPolicy.Spec spec) {
        Map<String, String> extra = set.dryRun() ? Map.of(DRY_RUN, "true") : Map.of();
        ObjectMetadata metadata = Manifests.metadata(set, name, unit.namespace(), List.of(intent.name()), extra);
        return new Resource(AuthorizationPolicy.API_VERSION, AuthorizationPolicy.KIND, unit.namespace(), name,
                List.of(intent.name()), new AuthorizationPolicy(metadata, spec));
    }

    /** Sorted by file, so that the layer's output does not depend on the order of its intents. */
    static List<Resource> sorted(List<Resource> resources) {
        return resources.stream().sorted(Comparator.comparing(Resource::file)).toList();
    }
}
