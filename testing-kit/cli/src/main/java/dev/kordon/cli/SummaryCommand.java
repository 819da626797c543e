package dev.kordon.cli;

import dev.kordon.dsl.InvalidPolicySetException;
import dev.kordon.dsl.PolicySet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kordon summary}: loads the policy sets of a classpath and prints their validated summary. */
@Command(name = "summary",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = {
                "Prints the validated summary of every policy set on a classpath.",
                "",
                "Loads the policy sets that the PolicySetProviders on the classpath declare (registered in"
                        + " META-INF/services/dev.kordon.dsl.spi.PolicySetProvider), validates every one of them and"
                        + " prints their summaries sorted by name, then a line with the totals.",
                "",
                "Without --classpath, providers are looked up on kordon's own class path (as in 'java -cp"
                        + " my-policies.jar:kordon-cli.jar dev.kordon.cli.KordonCli summary'); there is no implicit"
                        + " sample, so a forgotten --classpath fails instead of checking the wrong policies."},
        footerHeading = "%nExample:%n",
        footer = "  ./kordon summary --classpath samples/shop/target/classes",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {SummaryCommand.EXIT_OK, SummaryCommand.EXIT_INVALID, SummaryCommand.EXIT_BAD_INPUT})
final class SummaryCommand implements Callable<Integer> {

    static final String EXIT_OK = "0:every policy set is valid; the summary was printed";
    static final String EXIT_INVALID = "1:a policy set is invalid; every problem is printed to stderr";
    static final String EXIT_BAD_INPUT = "2:bad input: a classpath entry that does not exist, no provider, a provider"
            + " that cannot be loaded, an unknown --set name or an unknown option";

    @Spec
    private CommandSpec spec;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = {"Where the policy set providers are: a directory of classes, a .jar file, or dir/* for"
                    + " every .jar of a directory. Repeat it, or join entries with the platform's path separator"
                    + " (':' on Linux and macOS, ';' on Windows). Every entry must exist."})
    private List<String> classpath = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME",
            description = "Print only the policy set with this name; repeat it for more. Every set is still"
                    + " validated.")
    private List<String> setNames = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PolicySource source = PolicySource.of(classpath)) {
            List<PolicySet> sets = SetFilter.select(source.load(), setNames);
            out.print(SummaryReport.of(sets));
            return ExitCodes.OK;
        } catch (InvalidPolicySetException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.INVALID;
        } catch (BadInputException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

}
