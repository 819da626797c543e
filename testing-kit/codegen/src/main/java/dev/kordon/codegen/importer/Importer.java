package dev.kordon.codegen.importer;

import dev.kordon.codegen.DslSource;
import dev.kordon.codegen.GeneratedSource;
import dev.kordon.codegen.JavaNames;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.Problem;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.engine.Engines;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import dev.kordon.simulator.EnforcementProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Imports existing policy YAML as Java DSL source: one {@code PolicySetProvider} class per policy set (a namespace,
 * or {@code cluster} for cluster-wide policies), with a report of everything it could not express.
 *
 * <pre>{@code
 * ImportResult result = new Importer().run(new ImportRequest(List.of(Path.of("policies")), "com.example.policies"));
 * for (GeneratedSource source : result.sources()) {
 *     source.writeTo(Path.of("src/main/java"));
 * }
 * System.out.print(result.report());
 * }</pre>
 *
 * <p>Objects are first checked by the simulator's strict readers, as the family's enforcement would read them; an
 * invalid object stops the import with every problem. A valid object is imported exactly, or the part that cannot be
 * said in the DSL is reported and left out: the source never says something wider. Families not imported yet are
 * reported whole. Workloads and other cluster resources among the inputs are skipped.
 */
public final class Importer {

    private static final List<PolicyImport> FAMILIES = List.of(new NetworkPolicyImport(),
            TieredPolicyImport.CLUSTER_NETWORK_POLICY, TieredPolicyImport.ADMIN_NETWORK_POLICY,
            new CiliumPolicyImport(), new CalicoPolicyImport(), new IstioPolicyImport());

    /** The name of the policy set of cluster-wide policies. */
    public static final String CLUSTER_SET = "cluster";

    /**
     * The Java source that declares what the request's policies mean.
     *
     * @throws InputException with every problem of the input: unreadable files, malformed YAML, objects the
     *                        simulator would refuse (unknown fields, invalid selectors, ports or CIDRs), each with its
     *                        file, object, field and fix
     */
    public ImportResult run(ImportRequest request) {
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read(request.inputs(), problems);
        problems.throwIfAny();
        Problems notImported = new Problems();
        Problems notes = new Problems();
        CatalogPeers catalog = CatalogPeers.of(request);
        SortedMap<String, List<PolicyImport.Imported>> sets = new TreeMap<>();
        for (PolicyImport family : FAMILIES) {
            List<Manifest> objects = sorted(manifests.stream().filter(m -> family.types().contains(m.type())).toList());
            checked(objects, family.profile(), problems);
            if (!problems.isEmpty()) {
                continue;
            }
            for (PolicyImport.Imported imported : family.intents(objects, manifests, request.defaultNamespace(),
                    notImported, notes)) {
                sets.computeIfAbsent(imported.policySet(), name -> new ArrayList<>()).add(catalog.substitute(imported));
            }
        }
        problems.throwIfAny();
        manifests.stream().filter(manifest -> !ClusterReader.isClusterResource(manifest))
                .filter(manifest -> FAMILIES.stream().noneMatch(family -> family.types().contains(manifest.type())))
                .forEach(manifest -> notImported(manifest, notImported));
        List<GeneratedSource> sources = write(request.packageName(), new DslSource(catalog.constants()), sets,
                notImported);
        return new ImportResult(sources, sorted(notImported), sorted(notes));
    }

    private static List<InputProblem> sorted(Problems problems) {
        return problems.all().stream().sorted(Comparator.comparing(InputProblem::file)
                .thenComparing(InputProblem::object).thenComparing(InputProblem::field)
                .thenComparing(InputProblem::message)).toList();
    }

    private static List<Manifest> sorted(List<Manifest> manifests) {
        return manifests.stream().sorted(Comparator.comparing(Manifest::namespace).thenComparing(Manifest::name)
                .thenComparing(Manifest::file).thenComparing(Manifest::document)).toList();
    }

    /** Lets the simulator read the objects as their enforcement would, collecting every problem. */
    private static void checked(List<Manifest> objects, EnforcementProfile profile, Problems problems) {
        if (objects.isEmpty()) {
            return;
        }
        try {
            Simulator.build(new Cluster(List.of(), List.of(), List.of(), List.of()), objects, profile);
        } catch (InputException e) {
            e.problems().forEach(problem -> problems.add(problem.file(), problem.object(), problem.field(),
                    problem.message(), problem.hint()));
        }
    }

    /**
     * Istio kinds that configure what the mesh intents assume rather than say who may connect: the DSL does not declare
     * them, and the istio targets rely on them (docs/backends.md).
     */
    private static final Map<String, String> MESH_SETTINGS = Map.of(
            "PeerAuthentication", "sets the mTLS mode, which the DSL does not declare: the istio targets assume STRICT"
                    + " mTLS, so that sources have the identities their rules name",
            "RequestAuthentication", "says how the mesh validates JWTs, which the DSL does not declare: the istio"
                    + " targets assume one validates the tokens their conditions (when(...)) look at",
            "DestinationRule", "sets the TLS a client uses, which the DSL does not declare: the istio targets assume"
                    + " mTLS between sidecars (Istio's auto mTLS)");

    private static void notImported(Manifest manifest, Problems notImported) {
        if (manifest.group().equals("security.istio.io") || manifest.group().equals("networking.istio.io")) {
            String setting = MESH_SETTINGS.get(manifest.kind());
            if (setting != null) {
                notImported.add(manifest, "", "is not imported: a " + manifest.kind() + " " + setting, "keep applying"
                        + " it beside the generated manifests");
                return;
            }
        }
        boolean policy = CniIngress.isCniPolicy(manifest) || Set.of(EnforcementProfile.Mesh.values()).stream().anyMatch(mesh -> Engines.mesh(mesh)
                .map(factory -> factory.types().contains(manifest.type())).orElse(false));
        if (policy) {
            notImported.add(manifest, "", "is not imported: importing " + manifest.type() + " is not supported yet",
                    "declare what it does with the DSL by hand (docs/dsl.md), or keep applying this manifest beside"
                            + " the generated ones");
        } else {
            notImported.add(manifest, "", "is not imported: " + manifest.type() + " is neither a policy nor a"
                    + " workload", "leave it out of the import's inputs");
        }
    }

    private static List<GeneratedSource> write(String packageName, DslSource dsl,
            SortedMap<String, List<PolicyImport.Imported>> sets, Problems notImported) {
        IntentSource intents = new IntentSource(dsl);
        ImportWriter writer = new ImportWriter(packageName, intents);
        JavaNames.Scope classes = new JavaNames.Scope(Set.of());
        List<GeneratedSource> sources = new ArrayList<>();
        for (Map.Entry<String, List<PolicyImport.Imported>> set : sets.entrySet()) {
            List<PolicyImport.Imported> accepted = accepted(set.getKey(), set.getValue(), notImported);
            if (!accepted.isEmpty()) {
                sources.add(writer.write(set.getKey(), classes.claim(ImportWriter.className(set.getKey())),
                        accepted));
            }
        }
        return sources;
    }

    /**
     * The intents of a set that the DSL accepts together. Each problem the DSL finds is reported against the object
     * its intent came from, and every intent of that object is left out (half an object could say something wider);
     * the rest is checked again.
     */
    private static List<PolicyImport.Imported> accepted(String name, List<PolicyImport.Imported> imported,
            Problems notImported) {
        List<PolicyImport.Imported> remaining = new ArrayList<>(imported);
        while (!remaining.isEmpty()) {
            List<Intent> intents = remaining.stream().map(PolicyImport.Imported::intent).toList();
            List<Problem> problems = Kordon.policySet(name).intents(intents).buildUnvalidated().validate().problems();
            if (problems.isEmpty()) {
                return remaining;
            }
            Set<Manifest> refused = new java.util.HashSet<>();
            for (Problem problem : problems) {
                List<PolicyImport.Imported> involved = remaining.stream().filter(each -> mentions(problem, each))
                        .toList();
                if (involved.isEmpty()) {
                    throw new IllegalStateException("the DSL refuses imported set " + name + ": " + problem);
                }
                PolicyImport.Imported first = involved.get(0);
                refused.add(first.manifest());
                notImported.add(first.manifest(), "", "is not imported: the DSL refuses intent "
                        + first.intent().name() + ": " + problem.message(), problem.hint());
            }
            remaining.removeIf(each -> refused.contains(each.manifest()));
        }
        return remaining;
    }

    private static boolean mentions(Problem problem, PolicyImport.Imported imported) {
        return problem.path().contains("[" + imported.intent().name() + "]");
    }
}
