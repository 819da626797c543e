package dev.kordon.cli;

import dev.kordon.dsl.InvalidPolicySetException;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.Generator;
import dev.kordon.generators.OutputDirectory;
import dev.kordon.generators.Target;
import dev.kordon.generators.Targets;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.Problems;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kordon generate}: writes every target's manifests and prints the fidelity report. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = {
                "Generates the manifests of every policy set on a classpath for each target, and prints the fidelity"
                        + " report: how faithfully each target enforces each intent.",
                "",
                "Nothing is written when any target cannot enforce an intent as declared (and the intent did not"
                        + " accept the downgrade it would need): every such problem is printed with its fix.",
                "",
                "Each target's folder under --output holds <namespace or _cluster>/<kind>-<name>.yaml, a"
                        + " kustomization.yaml, fidelity.txt and fidelity.json; a folder is replaced as a whole, so"
                        + " files of deleted intents disappear, and left untouched when nothing changed."},
        footerHeading = "%nExample:%n",
        footer = "  ./kordon generate --classpath samples/shop/target/classes --target cilium --target kubernetes+cnp",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the manifests of every target were written",
                "1:a policy set is invalid, or a target cannot enforce an intent as declared; nothing was written",
                SummaryCommand.EXIT_BAD_INPUT})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Where the policy set providers are: a directory of classes, a .jar, or dir/*; repeatable.")
    private List<String> classpath = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME", description = "Generate only this policy set; repeatable.")
    private List<String> setNames = new ArrayList<>();

    @Option(names = "--target", paramLabel = "TARGET",
            description = "A target to generate for; repeatable. Default: every target (${COMPLETION-CANDIDATES}).",
            completionCandidates = TargetIds.class)
    private List<String> targetIds = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "target/kordon",
            description = "The directory to write to (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--cluster", paramLabel = "PATH",
            description = "Workload manifests (Namespaces, Deployments, …) of the cluster; when given, each target's"
                    + " manifests are simulated on it and its reachability is printed after its fidelity report.")
    private List<Path> cluster = new ArrayList<>();

    /** With --cluster: the enforcement choices, applied to each target's profile where they apply. */
    @Mixin
    private ProfileChoices choices = new ProfileChoices();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PolicySource source = PolicySource.of(classpath)) {
            List<PolicySet> sets = SetFilter.select(source.load(), setNames);
            List<Target> targets = targets();
            checkChoices(targets);
            List<Generation> generations = new Generator().generate(sets, targets);
            SortedMap<String, OutputDirectory.Outcome> outcomes = new OutputDirectory(output).write(generations);
            int objects = 0;
            Reachability reachability = cluster.isEmpty() ? null : Reachability.of(cluster, choices);
            for (Generation generation : generations) {
                out.print(generation.report().text());
                if (reachability != null) {
                    out.print(reachability.of(generation));
                }
                String id = generation.target().id();
                out.print("  " + (outcomes.get(id) == OutputDirectory.Outcome.WRITTEN ? "wrote " : "unchanged: ")
                        + generation.resources().size() + " objects in " + output.resolve(id) + "\n\n");
                objects += generation.resources().size();
            }
            out.print(generations.size() + (generations.size() == 1 ? " target, " : " targets, ") + objects
                    + " objects, written to " + output + "\n");
            return ExitCodes.OK;
        } catch (InvalidPolicySetException | GenerationException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.INVALID;
        } catch (dev.kordon.simulator.input.InputException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.BAD_INPUT;
        } catch (BadInputException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.BAD_INPUT;
        } catch (UncheckedIOException e) {
            err.print("kordon: " + e.getMessage() + "\n  fix: check that the output directory is writable\n");
            return ExitCodes.BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private List<Target> targets() throws BadInputException {
        List<String> ids = targetIds.isEmpty() ? Targets.ids() : targetIds;
        List<Target> targets = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            try {
                targets.add(Targets.parse(id));
            } catch (IllegalArgumentException e) {
                unknown.add("'" + id + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadInputException("unknown target" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "\n  fix: use one of " + String.join(", ", Targets.ids()));
        }
        return targets;
    }

    /** The profile options must apply to a target that is simulated, and so need --cluster. */
    private void checkChoices(List<Target> targets) {
        Problems problems = new Problems();
        if (cluster.isEmpty()) {
            choices.check(List.of(), problems, option -> "");
            for (String name : choices.names()) {
                problems.add(name, "", "", "changes nothing without --cluster: no target is simulated",
                        "drop " + name + ", or give the cluster's workloads with --cluster");
            }
        } else {
            choices.check(targets.stream().map(target -> EnforcementProfile.forTarget(target.id())).toList(),
                    problems, option -> "add a " + option.cnisText() + " target (--target)");
        }
        problems.throwIfAny();
    }

    /** The target ids, for the help text. */
    static final class TargetIds extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TargetIds() {
            super(Targets.ids());
        }
    }
}
