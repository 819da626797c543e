package dev.kordon.cli;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.analysis.ConnectivityFormat;
import dev.kordon.simulator.analysis.ConnectivityInput;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Problems;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kordon list}: the connectivity of every pair of workloads and external address ranges. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = {
                "Lists the allowed connectivity of the given manifests, one line per ordered pair of peers with any"
                        + " allowed connection, as np-guard netpol-analyzer does: workloads (pods folded into their"
                        + " owner, ns/name[Kind]) and external IPv4 ranges (cut at every ipBlock/networks CIDR of the"
                        + " policies, a.b.c.d-e.f.g.h[External]); connections are 'All Connections' or protocols with"
                        + " port ranges. A workload to itself is not listed.",
                "",
                "Ingress (networking.k8s.io/v1) and Route (route.openshift.io/v1) objects add netpol-analyzer's"
                        + " {ingress-controller} lines: the TCP ports their backends reach through Services, as far as"
                        + " policy admits a pod of another namespace; backends naming no usable Service or port are"
                        + " warned about on stderr. Services, RBAC, ConfigMap and Node objects do not change what"
                        + " policy allows. netpol-analyzer's semantics (ipBlocks never select pods) is"
                        + " --profile generic --ipblock-selects-pods false."},
        footerHeading = "%nExample:%n",
        footer = "  ./kordon list --format csv testing-kit/simulator/src/test/resources/conformance/netpol-analyzer/tests/anp_test_9",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the list was printed",
                "2:bad input: files that cannot be read, objects the profile does not enforce, invalid fields,"
                        + " options"})
final class ListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Manifests: policies and the cluster; files or directories, YAML or JSON.")
    private List<Path> paths = new ArrayList<>();

    @Mixin
    private ProfileOptions profileOptions = new ProfileOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "txt",
            description = "txt, json, csv (netpol-analyzer's), md or dot (default: ${DEFAULT-VALUE}).")
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
            Connectivity connectivity = ConnectivityInput.analyse(paths, enforcement);
            String text = output.render(connectivity.connections());
            out.print(text.isEmpty() ? "" : text + "\n");
            printWarnings(connectivity.warnings(), err);
            return ExitCodes.OK;
        } catch (InputException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Prints each warning of an analysis on stderr, e.g. an Ingress backend naming a Service not in the input. */
    static void printWarnings(List<InputProblem> warnings, PrintWriter err) {
        warnings.forEach(warning -> err.print("kordon: warning: " + warning + "\n"));
    }

    private ConnectivityFormat format(Problems problems) {
        for (ConnectivityFormat candidate : ConnectivityFormat.values()) {
            if (candidate.toString().equals(format.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        problems.add("--format", "", "", "is not a format: '" + format + "'", "use txt, json, csv, md or dot");
        return ConnectivityFormat.TXT;
    }
}
