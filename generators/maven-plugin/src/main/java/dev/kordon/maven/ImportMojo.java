package dev.kordon.maven;

import dev.kordon.codegen.importer.ImportRequest;
import dev.kordon.codegen.importer.ImportResult;
import dev.kordon.codegen.importer.Importer;
import dev.kordon.simulator.input.InputException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports existing policy YAML as Java DSL source, one policy set provider class per namespace (and one for
 * cluster-wide policies), with their service registration. Run it on demand
 * ({@code mvn kordon:import -Dkordon.import.inputs=deploy/policies}), review the sources, and move them into the
 * project. Anything the DSL cannot express exactly is left out whole and reported, and fails the goal unless
 * {@code failOnNotImported} is false.
 */
@Mojo(name = "import", threadSafe = true, requiresProject = false)
public final class ImportMojo extends AbstractMojo {

    /** The policy manifests: files or directories (read recursively). */
    @Parameter(property = "kordon.import.inputs", required = true)
    List<File> inputs = new ArrayList<>();

    /** The package of the generated classes. */
    @Parameter(property = "kordon.import.packageName", defaultValue = "imported.policies")
    String packageName;

    /** The namespace of namespaced policies that name none. */
    @Parameter(property = "kordon.import.defaultNamespace", defaultValue = "default")
    String defaultNamespace;

    /** Where the sources and their service file are written (a source root and a resource root beside it). */
    @Parameter(property = "kordon.import.outputDirectory", defaultValue = "${project.build.directory}/kordon-import")
    File outputDirectory;

    /** Fail when something was not imported (after writing what was). */
    @Parameter(property = "kordon.import.failOnNotImported", defaultValue = "true")
    boolean failOnNotImported;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ImportResult result;
        try {
            result = new Importer().run(new ImportRequest(inputs.stream().map(File::toPath).toList(), packageName,
                    defaultNamespace));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("kordon: " + e.getMessage() + " (import configuration: <inputs>,"
                    + " <packageName>, <defaultNamespace>)");
        } catch (InputException e) {
            throw new MojoFailureException("kordon: " + e.getMessage());
        }
        Path java = outputDirectory.toPath().resolve("java");
        try {
            result.writeTo(java, outputDirectory.toPath().resolve("resources"));
        } catch (IOException e) {
            throw new MojoExecutionException("kordon: cannot write the imported sources to " + outputDirectory, e);
        }
        for (String line : result.report().split("\n")) {
            getLog().info(line);
        }
        getLog().info("kordon: sources in " + java + ", their registration in " + outputDirectory + "/resources");
        if (!result.isComplete() && failOnNotImported) {
            throw new MojoFailureException("kordon: not everything was imported (see the report above); the rest"
                    + " was written. Set -Dkordon.import.failOnNotImported=false to accept a partial import.");
        }
    }
}
