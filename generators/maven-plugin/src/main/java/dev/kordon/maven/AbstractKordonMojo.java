package dev.kordon.maven;

import dev.kordon.build.BuildException;
import dev.kordon.dsl.InvalidPolicySetException;
import dev.kordon.generators.GenerationException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the project, {@code skip}, the policy sets and targets to work on, and the translation of
 * the library's errors into Maven's (the user's policies and configuration fail the build, I/O errors the execution).
 */
abstract class AbstractKordonMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skip this goal. */
    @Parameter(property = "kordon.skip", defaultValue = "false")
    boolean skip;

    /** The policy sets to work on, by name; all when empty. */
    @Parameter(property = "kordon.sets")
    List<String> sets = new ArrayList<>();

    /** The targets to work on ({@code kubernetes}, {@code calico}, {@code cilium}, …, each optionally {@code +istio}); all when empty. */
    @Parameter(property = "kordon.targets")
    List<String> targets = new ArrayList<>();

    /** One call into the library. */
    interface Task {
        void run() throws MojoFailureException;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("kordon: skipped (kordon.skip)");
            return;
        }
        try {
            task().run();
        } catch (InvalidPolicySetException | GenerationException e) {
            throw new MojoFailureException("kordon: " + e.getMessage());
        } catch (BuildException e) {
            throw new MojoFailureException("kordon: " + e.getMessage() + "\n  (configuration of kordon-maven-plugin in "
                    + project.getFile() + ": <sets>, <targets> and the goal's own elements)");
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("kordon: " + e.getMessage(), e);
        }
    }

    abstract Task task() throws MojoExecutionException;

    /** The project's classes, then its runtime class path. */
    List<Path> classpath() throws MojoExecutionException {
        try {
            List<Path> entries = new ArrayList<>();
            entries.add(Path.of(project.getBuild().getOutputDirectory()));
            for (String element : project.getRuntimeClasspathElements()) {
                Path path = Path.of(element);
                if (!entries.contains(path)) {
                    entries.add(path);
                }
            }
            return entries;
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("kordon: the project's dependencies are not resolved", e);
        }
    }

    /** Logs each line of a text at info level. */
    void info(String text) {
        for (String line : text.split("\n")) {
            getLog().info(line);
        }
    }
}
