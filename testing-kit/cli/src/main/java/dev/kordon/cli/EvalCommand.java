package dev.kordon.cli;

import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.analysis.VerdictJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kordon eval}: whether one flow is allowed. */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = "Decides one flow on the cluster and policies of the given manifests, as the profile's enforcement"
                + " would, and prints 'allowed' or 'denied'. 'kordon explain' prints the chain that decided it.",
        footerHeading = "%nExample:%n",
        footer = "  ./kordon eval k8s/ --from shop/frontend --to shop/backend --port 8080",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the flow was decided (allowed or denied)", SummaryCommand.EXIT_BAD_INPUT})
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private FlowOptions options = new FlowOptions();

    @Override
    public Integer call() {
        int code = FlowOptions.run(options, spec.commandLine().getErr(), evaluation -> {
            Verdict verdict = evaluation.simulator().decide(evaluation.flow());
            spec.commandLine().getOut().print((options.json() ? VerdictJson.decision(verdict) : evaluation.flow()
                    + ": " + (verdict.allowed() ? "allowed" : verdict.ambiguous() ? "denied (ambiguous)" : "denied"))
                    + "\n");
        });
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return code;
    }
}
