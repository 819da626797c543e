package dev.kordon.maven;

import dev.kordon.build.KordonBuild;
import dev.kordon.build.VerifyRequest;
import dev.kordon.build.VerifyResult;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Verifies what the policy sets generate now: (a) drift — equal to the manifests committed in
 * {@code committedManifests}, every difference listed; (b) the reachability gate — the connectivity of each target's
 * manifests on the {@code cluster} compared with the baseline in {@code baselineDirectory}: the build fails when access
 * widened (each new flow listed) and warns when it narrowed. {@code -Dkordon.updateBaseline} rewrites the baseline.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class VerifyMojo extends AbstractKordonMojo {

    /** The committed manifests ({@code <target>/…} as {@code generate} writes them); drift is not checked without. */
    @Parameter(property = "kordon.committedManifests")
    File committedManifests;

    /** The cluster's workload manifests (files or directories), for the reachability gate. */
    @Parameter(property = "kordon.cluster")
    List<File> cluster = new ArrayList<>();

    /** The directory of baseline files, {@code <target>.txt}; the gate does not run without. */
    @Parameter(property = "kordon.baselineDirectory")
    File baselineDirectory;

    /** Rewrite the baseline with the current reachability instead of comparing. */
    @Parameter(property = "kordon.updateBaseline", defaultValue = "false")
    boolean updateBaseline;

    @Override
    Task task() throws MojoExecutionException {
        if (committedManifests == null && baselineDirectory == null) {
            getLog().warn("kordon: nothing to verify: configure <committedManifests> (drift) and/or"
                    + " <baselineDirectory> with <cluster> (reachability gate)");
        }
        VerifyRequest request = new VerifyRequest(classpath(), sets, targets,
                Optional.ofNullable(committedManifests).map(File::toPath), cluster.stream().map(File::toPath).toList(),
                Optional.ofNullable(baselineDirectory).map(File::toPath), updateBaseline);
        return () -> report(new KordonBuild().verify(request));
    }

    private void report(VerifyResult result) throws MojoFailureException {
        result.updated().forEach(file -> getLog().info("kordon: baseline written: " + file));
        if (!result.narrowed().isEmpty()) {
            getLog().warn("kordon: access narrowed against the reachability baseline (run with"
                    + " -Dkordon.updateBaseline to accept):");
            result.narrowed().forEach(line -> getLog().warn("  - " + line));
        }
        if (result.failed()) {
            throw new MojoFailureException("kordon: " + result.failure());
        }
        getLog().info("kordon: verified" + (committedManifests == null ? "" : "; no drift from " + committedManifests)
                + (baselineDirectory == null || updateBaseline ? "" : "; no access beyond the baseline in "
                + baselineDirectory));
    }

}
