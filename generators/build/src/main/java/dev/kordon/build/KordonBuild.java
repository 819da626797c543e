package dev.kordon.build;

import dev.kordon.build.report.Report;
import dev.kordon.build.report.ReportRequest;
import dev.kordon.build.report.ReportResult;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Generator;
import dev.kordon.generators.OutputDirectory;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build tasks of Kordon, without Maven: what the Maven plugin's goals call, one request each.
 *
 * <pre>{@code
 * GenerateResult result = new KordonBuild().generate(new GenerateRequest(List.of(Path.of("target/classes")),
 *         List.of(), List.of("cilium"), Path.of("target/kordon")));
 * }</pre>
 *
 * <p>{@code report(new ReportRequest(classpath, List.of(), List.of(), List.of(Path.of("k8s/workloads.yaml")),
 * Path.of("target/kordon-report")))} writes {@code index.html} and {@code summary.md}.
 *
 * <p>Errors in the user's policies surface as {@link dev.kordon.dsl.InvalidPolicySetException} and
 * {@link dev.kordon.generators.GenerationException}; errors in the configuration as {@link BuildException}; I/O as
 * {@link java.io.UncheckedIOException}.
 */
public final class KordonBuild {

    private final Generator generator = new Generator();

    /** Generates every target and writes it atomically, leaving unchanged targets untouched. */
    public GenerateResult generate(GenerateRequest request) {
        List<PolicySet> sets = ProjectPolicies.load(request.classpath(), request.sets());
        List<Generation> generations = generator.generate(sets, ProjectPolicies.targets(request.targets()));
        return new GenerateResult(generations, new OutputDirectory(request.output()).write(generations));
    }

    /** Generates in memory and compares with the committed manifests and the reachability baseline, as asked. */
    public VerifyResult verify(VerifyRequest request) {
        List<PolicySet> sets = ProjectPolicies.load(request.classpath(), request.sets());
        List<Generation> generations = generator.generate(sets, ProjectPolicies.targets(request.targets()));
        VerifyResult.Builder result = new VerifyResult.Builder();
        request.committed().ifPresent(committed -> result.drift(Drift.differences(generations, committed)));
        if (request.baseline().isPresent()) {
            ReachabilityBaseline.check(generations, sets, cluster(request.cluster()), request.baseline().get(),
                    request.updateBaseline(), result);
        }
        return result.build();
    }

    /**
     * Writes the report ({@code index.html} and {@code summary.md}) of the generated targets: the policy sets, each
     * target's fidelity findings and, when the cluster's workloads are given, each target's reachability.
     */
    public ReportResult report(ReportRequest request) {
        List<PolicySet> sets = ProjectPolicies.load(request.classpath(), request.sets());
        List<Generation> generations = generator.generate(sets, ProjectPolicies.targets(request.targets()));
        if (request.cluster().isEmpty()) {
            return Report.of(sets, generations).write(request.output());
        }
        Cluster cluster = cluster(request.cluster());
        Map<String, Connectivity> reach = new LinkedHashMap<>();
        generations.forEach(generation -> reach.put(generation.target().id(),
                ReachabilityBaseline.analyse(generation, cluster)));
        return Report.of(sets, generations, reach).write(request.output());
    }

    /**
     * The cluster the workload manifests describe.
     *
     * @throws BuildException when none is given, a file has problems, or it holds policies
     */
    static Cluster cluster(List<Path> files) {
        if (files.isEmpty()) {
            throw new BuildException("the reachability gate needs the cluster's workloads", "name the workload"
                    + " manifests (Namespaces, Deployments, …) in <cluster>, or drop <baseline>");
        }
        Problems problems = new Problems();
        ClusterReader.Split split = new ClusterReader().read(new ManifestReader().read(files, problems), problems);
        for (Manifest policy : split.policies()) {
            problems.add(policy, "", "is a policy, not a cluster resource", "give <cluster> only Namespaces, Pods,"
                    + " workloads and ServiceAccounts; the policies come from the policy sets");
        }
        try {
            problems.throwIfAny();
        } catch (InputException e) {
            throw new BuildException("the cluster files have problems:\n" + e.getMessage(), "correct each problem");
        }
        return split.cluster();
    }
}
