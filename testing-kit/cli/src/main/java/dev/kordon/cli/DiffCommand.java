package dev.kordon.cli;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.analysis.ConnectivityDiff;
import dev.kordon.simulator.analysis.ConnectivityFormat;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Problems;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kordon diff}: the connections that a second manifest set allows differently from a first. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = {
                "Compares the allowed connectivity of two manifest sets, as np-guard netpol-analyzer's diff does: one"
                        + " line per ordered pair of peers whose connections differ, 'added' (DIR1 allows nothing,"
                        + " DIR2 something), 'removed' (the other way round) or 'changed' (both allow something, not"
                        + " the same), with what DIR1 and DIR2 allow ('dir1', 'dir2') and which workloads exist on"
                        + " one side only ('workloads-diff-info'). Lines are ordered changed, added, removed, then by"
                        + " source and destination.",
                "",
                "Both sides are analysed on the union of their workloads (a missing workload has no connections)"
                        + " and with external IPv4 ranges cut at the CIDRs of both sides' policies, so every line"
                        + " compares the same peers. Peers and connections are those of 'kordon list'.",
                "",
                "The exit code makes it a CI gate: 1 when the connectivity changed."},
        footerHeading = "%nExample:%n",
        footer = "  ./kordon diff --format md k8s-main/ k8s-branch/",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no difference: both sides allow exactly the same connections",
                "1:differences were found and printed",
                "2:bad input (every problem of both sides): files that cannot be read, objects the profile does not"
                        + " enforce, invalid fields, options"})
final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR1", description = "The first (old) manifests: a directory or file.")
    private Path first;

    @Parameters(index = "1", paramLabel = "DIR2", description = "The second (new) manifests: a directory or file.")
    private Path second;

    @Mixin
    private ProfileOptions profileOptions = new ProfileOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "txt",
            description = "txt, json, csv (netpol-analyzer's) or md (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Problems problems = new Problems();
            EnforcementProfile enforcement = profileOptions.profile(problems);
            ConnectivityFormat output = format(problems);
            problems.throwIfAny();
            ConnectivityDiff diff = ConnectivityDiff.analyse(List.of(first), List.of(second), enforcement);
            out.print(diff.render(output) + "\n");
            ListCommand.printWarnings(diff.warnings(), err);
            return diff.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERENT;
        } catch (InputException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private ConnectivityFormat format(Problems problems) {
        for (ConnectivityFormat candidate : List.of(ConnectivityFormat.TXT, ConnectivityFormat.JSON,
                ConnectivityFormat.CSV, ConnectivityFormat.MD)) {
            if (candidate.toString().equals(format.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        problems.add("--format", "", "", "is not a diff format: '" + format + "'", "use txt, json, csv or md");
        return ConnectivityFormat.TXT;
    }
}
