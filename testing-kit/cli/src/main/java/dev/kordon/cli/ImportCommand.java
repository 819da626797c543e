package dev.kordon.cli;

import dev.kordon.codegen.importer.ImportRequest;
import dev.kordon.codegen.importer.ImportResult;
import dev.kordon.codegen.importer.Importer;
import dev.kordon.simulator.input.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kordon import}: existing policy YAML as Java DSL source. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = {
                "Imports existing policy YAML (NetworkPolicy, ClusterNetworkPolicy v1alpha2, AdminNetworkPolicy and"
                        + " BaselineAdminNetworkPolicy v1alpha1, CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy"
                        + " at L3/L4, Calico NetworkPolicy and GlobalNetworkPolicy in Kordon's tiers and the default"
                        + " tier) as Java DSL source: one"
                        + " PolicySetProvider class per namespace (cluster-wide policies in ClusterPolicies), written"
                        + " below --output, and their ServiceLoader registration below --resources. Prints what was"
                        + " written and every object or field that was not imported, with the reason and the fix;"
                        + " nothing is replaced by something wider. See docs/catalog-and-import.md.",
                "",
                "Workloads and other cluster resources among the inputs are skipped."},
        footerHeading = "%nExample:%n",
        footer = "  ./kordon import --package com.example.policies --output src/main/java --resources"
                + " src/main/resources policies/",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything was imported and written",
                "1:something was not imported (listed); the rest was written",
                "2:bad input (every problem): files that cannot be read, malformed YAML, invalid policies, a package"
                        + " name that is not Java, an output that cannot be written"})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Policy manifest files or directories (recursive).")
    private List<Path> inputs;

    @Option(names = "--package", paramLabel = "PACKAGE", defaultValue = "",
            description = "The package of the classes (default: the unnamed package).")
    private String packageName;

    @Option(names = "--namespace", paramLabel = "NAMESPACE", defaultValue = "default",
            description = "The namespace of namespaced policies that name none (default: ${DEFAULT-VALUE}).")
    private String namespace;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "target/kordon-import/java",
            description = "The source root to write the classes below (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--resources", paramLabel = "DIR", defaultValue = "target/kordon-import/resources",
            description = "The resource root for META-INF/services (default: ${DEFAULT-VALUE}).")
    private Path resources;

    @Option(names = "--workloads", paramLabel = "PATH",
            description = "Workload manifests whose catalog the source refers to (with --catalog): a peer that selects"
                    + " exactly one catalog workload's pods is written as its constant.")
    private List<Path> workloads = List.of();

    @Option(names = "--catalog", paramLabel = "CLASS", defaultValue = "",
            description = "The qualified name of that catalog class, as 'kordon catalog' writes it, e.g."
                    + " com.example.Workloads.")
    private String catalogClass;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ImportResult result = new Importer().run(request());
            result.writeTo(output, resources);
            out.print(result.report());
            return result.isComplete() ? ExitCodes.OK : ExitCodes.INVALID;
        } catch (InputException | BadInputException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.print("kordon: cannot write the imported source: " + e.getMessage() + "\n  fix: give directories"
                    + " you can write to with --output and --resources\n");
            return ExitCodes.BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private ImportRequest request() throws BadInputException {
        try {
            return new ImportRequest(inputs, packageName, namespace, workloads, catalogClass);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage() + "\n  fix: give --package a dotted Java package name, e.g."
                    + " --package com.example.policies, and --workloads together with --catalog, e.g. --workloads"
                    + " k8s/ --catalog com.example.Workloads");
        }
    }

}
