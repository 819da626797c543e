package dev.kordon.maven;

import dev.kordon.build.KordonBuild;
import dev.kordon.build.report.ReportRequest;
import dev.kordon.build.report.ReportResult;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the report of the project's policy sets: {@code index.html} (the policy set summary, each target's fidelity
 * table, reachability matrix and a picture of who talks to whom) and {@code summary.md} for pull-request comments.
 * Without a {@code cluster} the report has no reachability, and says so.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class ReportMojo extends AbstractKordonMojo {

    /** The cluster's workload manifests (files or directories), for the reachability sections. */
    @Parameter(property = "kordon.cluster")
    List<File> cluster = new ArrayList<>();

    /** Where {@code index.html} and {@code summary.md} are written. */
    @Parameter(property = "kordon.reportDirectory", defaultValue = "${project.build.directory}/kordon-report")
    File reportDirectory;

    @Override
    Task task() throws MojoExecutionException {
        ReportRequest request = new ReportRequest(classpath(), sets, targets,
                cluster.stream().map(File::toPath).toList(), reportDirectory.toPath());
        return () -> {
            ReportResult result = new KordonBuild().report(request);
            info("kordon: " + result.summary());
            result.files().forEach(file -> getLog().info("kordon: wrote " + file));
        };
    }
}
