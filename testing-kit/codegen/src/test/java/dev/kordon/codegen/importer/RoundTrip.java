package dev.kordon.codegen.importer;

import dev.kordon.codegen.Compiled;
import dev.kordon.codegen.GeneratedSource;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySets;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.Generator;
import dev.kordon.generators.Targets;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.reference.ProbeGrid;
import dev.kordon.simulator.reference.ReferenceSemantics;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Import → compile → load the providers → generate a target → simulate, compared with simulating the original
 * manifests, over a probe grid: every ordered pair of distinct pods on every port any pod declares (and one that none
 * declares), every pod to and from external addresses, and any extra flows given.
 */
final class RoundTrip {

    /** Addresses outside the cluster that every grid probes. */
    static final List<String> EXTERNAL = List.of("8.8.8.8", "192.168.77.1", "2001:db8::7");

    private static final int UNDECLARED_PORT = 9999;

    /**
     * What the round trip produced: the import, how many flows were probed, the flows on which the imported sets
     * decided by the intent model's reference semantics differ from the original manifests, and either the flows on
     * which the manifests generated for the target differ from the originals, or why the target refused the sets.
     */
    record Outcome(ImportResult imported, int probes, List<String> referenceDifferences,
            List<String> generatedDifferences, String refusal) {
    }

    private RoundTrip() {
    }

    static Outcome run(Path policies, Cluster cluster, List<Manifest> original, EnforcementProfile profile,
            String target, List<Flow> extra, Path work) {
        return run(new ImportRequest(List.of(policies), "roundtrip.imported"), List.of(), cluster, original, profile,
                target, extra, work);
    }

    /** The round trip of an import request; {@code alongside} is compiled with the imported source (a catalog). */
    static Outcome run(ImportRequest request, List<GeneratedSource> alongside, Cluster cluster,
            List<Manifest> original, EnforcementProfile profile, String target, List<Flow> extra, Path work) {
        return run(request, alongside, cluster, original, List.of(), profile, target, extra, false, work);
    }

    /**
     * The round trip, with manifests that are not imported but in force beside the originals and the generated
     * manifests alike ({@code beside}: a RequestAuthentication that the mesh needs to read JWTs); with
     * {@code sampleRequests}, every TCP flow between two pods is also probed with the sample requests of the imported
     * intents' HTTP rules ({@link ProbeGrid#sampleRequests}) and their near misses.
     */
    static Outcome run(ImportRequest request, List<GeneratedSource> alongside, Cluster cluster,
            List<Manifest> original, List<Manifest> beside, EnforcementProfile profile, String target,
            List<Flow> extra, boolean sampleRequests, Path work) {
        ImportResult imported = new Importer().run(request);
        original = concat(original, beside);
        Simulator before = Simulator.build(cluster, original, profile);
        List<PolicySet> sets = load(imported, alongside, work);
        List<Flow> probes = new ArrayList<>(extra);
        if (sampleRequests) {
            Set<HttpRequest> requests = new java.util.TreeSet<>(java.util.Comparator.comparing(HttpRequest::toString));
            sets.forEach(set -> set.connections().forEach(c -> ProbeGrid.sampleRequests(c)
                    .forEach(sample -> requests.addAll(variants(sample)))));
            probes.addAll(withRequests(cluster, List.copyOf(requests)));
        }
        List<Flow> grid = grid(cluster, probes);
        ReferenceSemantics reference = ReferenceSemantics.of(cluster, sets);
        List<String> referenceDifferences = differences(grid, before::decide, reference::decide);
        try {
            Simulator after = Simulator.build(cluster, concat(generated(sets, target), beside), profile);
            return new Outcome(imported, grid.size(), referenceDifferences,
                    differences(grid, before::decide, after::decide), "");
        } catch (GenerationException e) {
            return new Outcome(imported, grid.size(), referenceDifferences, List.of(), e.getMessage());
        }
    }

    private static List<Manifest> concat(List<Manifest> a, List<Manifest> b) {
        List<Manifest> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * A sample request and its near misses, which tell apart rules that the sample alone does not: with a query, one
     * segment deeper, one character shorter, another method, no headers, another host.
     */
    private static List<HttpRequest> variants(HttpRequest request) {
        String path = request.path();
        List<HttpRequest> variants = new ArrayList<>(List.of(request,
                new HttpRequest(request.method(), path + "?q=1", request.host(), request.headers(), request.jwt()),
                new HttpRequest(request.method(), path + "/x", request.host(), request.headers(), request.jwt()),
                new HttpRequest("PATCH", path, request.host(), request.headers(), request.jwt()),
                new HttpRequest(request.method(), path, request.host(), java.util.Map.of(), request.jwt()),
                new HttpRequest(request.method(), path, "other.example.org", request.headers(), request.jwt())));
        if (path.length() > 1) {
            variants.add(new HttpRequest(request.method(), path.substring(0, path.length() - 1), request.host(),
                    request.headers(), request.jwt()));
        }
        return variants;
    }

    /** Every TCP flow between two pods of the grid, once with each of the requests. */
    static List<Flow> withRequests(Cluster cluster, List<HttpRequest> requests) {
        List<Flow> flows = new ArrayList<>();
        for (Flow flow : grid(cluster, List.of())) {
            if (flow.transport() == Transport.TCP && flow.source() instanceof Endpoint.OfPod
                    && flow.destination() instanceof Endpoint.OfPod) {
                requests.forEach(request -> flows.add(flow.withHttp(request)));
            }
        }
        return flows;
    }

    private static List<String> differences(List<Flow> grid, Function<Flow, Verdict> original,
            Function<Flow, Verdict> imported) {
        List<String> differences = new ArrayList<>();
        for (Flow flow : grid) {
            Verdict expected = original.apply(flow);
            Verdict actual = imported.apply(flow);
            if (expected.allowed() != actual.allowed()) {
                differences.add(flow + ": original " + (expected.allowed() ? "allows" : "denies") + ", imported "
                        + (actual.allowed() ? "allows" : "denies") + "\n  original: " + expected.explain()
                        + "\n  imported: " + actual.explain());
            }
        }
        return differences;
    }

    /** The policy sets of the imported source, compiled and loaded through its service registration. */
    static List<PolicySet> load(ImportResult imported, List<GeneratedSource> alongside, Path work) {
        List<GeneratedSource> sources = new ArrayList<>(imported.sources());
        if (sources.isEmpty()) {
            return List.of();
        }
        sources.addAll(alongside);
        try (URLClassLoader loader = Compiled.compile(sources, work)) {
            Path services = work.resolve("classes").resolve(ImportResult.SERVICE_FILE);
            Files.createDirectories(services.getParent());
            Files.writeString(services, imported.serviceRegistration(), StandardCharsets.UTF_8);
            return PolicySets.load(loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifests generated for the target. */
    static List<Manifest> generated(List<PolicySet> sets, String target) {
        Generation generation = new Generator().generate(sets, Targets.parse(target));
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read("generated/" + target, generation.stream(), problems);
        problems.throwIfAny();
        return manifests;
    }

    static List<Flow> grid(Cluster cluster, List<Flow> extra) {
        Set<String> ports = new java.util.TreeSet<>();
        for (Pod pod : cluster.pods()) {
            for (ContainerPort port : pod.ports()) {
                ports.add(port.protocol() + "/" + port.port());
            }
        }
        ports.add("TCP/" + UNDECLARED_PORT);
        ports.add("UDP/" + UNDECLARED_PORT);
        Set<Flow> flows = new LinkedHashSet<>(extra);
        List<Endpoint> pods = cluster.pods().stream().map(pod -> (Endpoint) new Endpoint.OfPod(pod)).toList();
        List<Endpoint> external = EXTERNAL.stream().map(ip -> (Endpoint) new Endpoint.External(ip, "")).toList();
        for (String port : ports) {
            Transport transport = Transport.valueOf(port.substring(0, port.indexOf('/')));
            int number = Integer.parseInt(port.substring(port.indexOf('/') + 1));
            for (Endpoint from : pods) {
                for (Endpoint to : pods) {
                    if (from != to) {
                        flows.add(Flow.of(from, to, transport, number));
                    }
                }
                for (Endpoint outside : external) {
                    flows.add(Flow.of(from, outside, transport, number));
                    flows.add(Flow.of(outside, from, transport, number));
                }
            }
        }
        return List.copyOf(flows);
    }
}
