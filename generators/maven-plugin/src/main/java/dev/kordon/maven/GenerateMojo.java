package dev.kordon.maven;

import dev.kordon.build.GenerateRequest;
import dev.kordon.build.GenerateResult;
import dev.kordon.build.KordonBuild;
import dev.kordon.generators.Generation;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates the manifests of the project's policy sets for every configured target into
 * {@code target/kordon/<target>/}, with each target's fidelity report. Fails the build when a policy set is invalid or
 * a target cannot enforce an intent as declared; writes each target atomically, removes the files of deleted intents,
 * and leaves a target untouched when nothing changed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class GenerateMojo extends AbstractKordonMojo {

    /** Where each target's folder is written. */
    @Parameter(property = "kordon.outputDirectory", defaultValue = "${project.build.directory}/kordon")
    File outputDirectory;

    @Override
    Task task() throws MojoExecutionException {
        GenerateRequest request = new GenerateRequest(classpath(), sets, targets, outputDirectory.toPath());
        return () -> {
            GenerateResult result = new KordonBuild().generate(request);
            for (Generation generation : result.generations()) {
                info(generation.report().text().strip());
            }
            result.summary().forEach(line -> getLog().info("kordon: " + line + " in " + outputDirectory));
        };
    }
}
