package dev.kordon.cli;

import dev.kordon.codegen.GeneratedSource;
import dev.kordon.codegen.catalog.Catalog;
import dev.kordon.codegen.catalog.CatalogRequest;
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

/** {@code kordon catalog}: a typed Java class of the workloads in manifests. */
@Command(name = "catalog",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = {
                "Generates a Java class of the workloads in Kubernetes manifests (Deployments, StatefulSets,"
                        + " DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs, bare Pods; helm template"
                        + " output included): one nested class per namespace with its name, a Workload constant per"
                        + " workload (selector, service account, named ports), its service accounts and its named"
                        + " ports. See docs/catalog-and-import.md.",
                "",
                "Without --output the source is printed; with it, it is written below DIR in its package folders."},
        footerHeading = "%nExample:%n",
        footer = "  ./kordon catalog --package com.example.shop --output src/main/java k8s/",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the catalog was printed or written",
                "2:bad input (every problem): files that cannot be read, malformed YAML, workloads without a selector"
                        + " or labels, workloads declared twice, bad container ports, a package or class name that"
                        + " is not Java"})
final class CatalogCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Manifest files or directories (recursive).")
    private List<Path> inputs;

    @Option(names = "--package", paramLabel = "PACKAGE", defaultValue = "",
            description = "The package of the class (default: the unnamed package).")
    private String packageName;

    @Option(names = "--class", paramLabel = "NAME", defaultValue = "Workloads",
            description = "The name of the class (default: ${DEFAULT-VALUE}).")
    private String className;

    @Option(names = "--namespace", paramLabel = "NAMESPACE", defaultValue = "default",
            description = "The namespace of objects that name none (default: ${DEFAULT-VALUE}).")
    private String namespace;

    @Option(names = "--output", paramLabel = "DIR",
            description = "The source root to write the class below, e.g. src/main/java.")
    private Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            GeneratedSource source = new Catalog().generate(request());
            if (output == null) {
                out.print(source.text());
            } else {
                out.print("wrote " + source.writeTo(output) + "\n");
            }
            return ExitCodes.OK;
        } catch (InputException | BadInputException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.print("kordon: " + output + ": cannot be written: " + e.getMessage() + "\n  fix: give a directory"
                    + " you can write to with --output\n");
            return ExitCodes.BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private CatalogRequest request() throws BadInputException {
        try {
            return new CatalogRequest(inputs, packageName, className, namespace);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage() + "\n  fix: give --package a dotted Java package name and"
                    + " --class a Java identifier, e.g. --package com.example.shop --class Workloads");
        }
    }
}
