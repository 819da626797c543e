package dev.kordon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code kordon} command: {@code kordon summary --classpath target/classes} prints the validated summary of
 * every policy set on a classpath; {@code kordon generate} writes their manifests for every target; {@code kordon
 * verify} checks reachability test files with the simulator.
 */
@Command(name = "kordon",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = "Kubernetes network policy as typed Java code.",
        subcommands = {SummaryCommand.class, GenerateCommand.class, VerifyCommand.class, EvalCommand.class,
                ListCommand.class, DiffCommand.class, ExplainCommand.class, CatalogCommand.class,
                ImportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                SummaryCommand.EXIT_OK,
                SummaryCommand.EXIT_INVALID,
                SummaryCommand.EXIT_BAD_INPUT})
public final class KordonCli implements Runnable {

    @Spec
    private CommandSpec spec;

    private KordonCli() {
    }

    /** The whole command, ready for {@link CommandLine#execute(String...)}; tests redirect its out and err. */
    public static CommandLine commandLine() {
        return new CommandLine(new KordonCli());
    }

    /** Runs the command and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: try 'kordon summary --help'");
    }
}
