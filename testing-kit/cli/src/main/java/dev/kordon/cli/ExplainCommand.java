package dev.kordon.cli;

import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.analysis.VerdictJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kordon explain}: whether one flow is allowed, and every step that decided it. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = "Decides one flow like 'kordon eval' and prints the whole chain: for each layer and direction,"
                + " the tier, the resource and rule that decided, and why; for a denial, the nearest rule that did not"
                + " match and what differed.",
        footerHeading = "%nExample:%n",
        footer = "  ./kordon explain k8s/ --from shop/frontend --to shop/backend --port 8080 --method GET --path /api/x",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the flow was decided (allowed or denied)", SummaryCommand.EXIT_BAD_INPUT})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private FlowOptions options = new FlowOptions();

    @Override
    public Integer call() {
        int code = FlowOptions.run(options, spec.commandLine().getErr(), evaluation -> {
            Verdict verdict = evaluation.simulator().decide(evaluation.flow());
            spec.commandLine().getOut().print((options.json() ? VerdictJson.explanation(verdict) : verdict.explain())
                    + "\n");
        });
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return code;
    }
}
