package dev.kordon.build;

import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Generator;
import dev.kordon.generators.OutputDirectory;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.nio.file.Path;
import java.util.List;

/**
 * The build tasks of Kordon, without Maven: what the Maven plugin's goals call, one request each.
 *
 * <pre>{@code
 * GenerateResult result = new KordonBuild().generate(new GenerateRequest(List.of(Path.of("target/classes")),
 *         List.of(), List.of("cilium"), Path.of("target/kordon")));
 * }</pre>
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
            ReachabilityBaseline.check(generations, cluster(request.cluster()), request.baseline().get(),
                    request.updateBaseline(), result);
        }
        return result.build();
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
