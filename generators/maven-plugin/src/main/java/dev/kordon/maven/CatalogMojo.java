package dev.kordon.maven;

import dev.kordon.codegen.GeneratedSource;
import dev.kordon.codegen.catalog.Catalog;
import dev.kordon.codegen.catalog.CatalogRequest;
import dev.kordon.simulator.input.InputException;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates a typed {@code Workloads} class from the cluster's workload manifests (Deployments, StatefulSets,
 * DaemonSets, … or {@code helm template} output): namespaces, workloads with their labels, service accounts and named
 * ports as constants, so that policies refer to real workloads and a typo is a compile error. The class is added to
 * the project's sources.
 */
@Mojo(name = "catalog", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class CatalogMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skip this goal. */
    @Parameter(property = "kordon.skip", defaultValue = "false")
    boolean skip;

    /** The workload manifests: files or directories (read recursively). */
    @Parameter(property = "kordon.catalog.inputs", required = true)
    List<File> inputs = new ArrayList<>();

    /** The package of the generated class. */
    @Parameter(property = "kordon.catalog.packageName", defaultValue = "${project.groupId}")
    String packageName;

    /** The simple name of the generated class. */
    @Parameter(property = "kordon.catalog.className", defaultValue = "Workloads")
    String className;

    /** The namespace of objects that name none. */
    @Parameter(property = "kordon.catalog.defaultNamespace", defaultValue = "default")
    String defaultNamespace;

    /** The source root the class is written to, and added to the compilation. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/kordon", required = true)
    File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("kordon: skipped (kordon.skip)");
            return;
        }
        CatalogRequest request;
        try {
            request = new CatalogRequest(inputs.stream().map(File::toPath).toList(), packageName, className,
                    defaultNamespace);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("kordon: " + e.getMessage() + " (catalog configuration in "
                    + project.getFile() + ": <inputs>, <packageName>, <className>, <defaultNamespace>)");
        }
        try {
            GeneratedSource source = new Catalog().generate(request);
            getLog().info("kordon: wrote " + source.writeTo(outputDirectory.toPath()));
            project.addCompileSourceRoot(outputDirectory.getPath());
        } catch (InputException e) {
            throw new MojoFailureException("kordon: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("kordon: cannot write the catalog to " + outputDirectory, e);
        }
    }
}
