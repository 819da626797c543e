package dev.kordon.cli;

import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.verify.CaseReader;
import dev.kordon.simulator.verify.ReachabilityCase;
import dev.kordon.simulator.verify.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kordon verify}: checks reachability test files and explains every probe that fails. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = KordonVersion.class,
        description = {
                "Checks reachability test files: for each, simulates every probe on the file's cluster and policies with"
                        + " its enforcement profile, prints each probe whose verdict differs from the expected one with"
                        + " the chain of steps that decided it, and ends with 'N passed, M failed' (probes).",
                "",
                "A directory is searched recursively for .yaml files. The file format is described in docs/cli.md."},
        footerHeading = "%nExample:%n",
        footer = "  ./kordon verify testing-kit/simulator/src/test/resources/conformance/cases/kubernetes-e2e-netpol-should-support-a-default-deny-all-policy.yaml",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every probe got its expected verdict", "1:a probe got another verdict",
                "2:bad input: a file that does not exist or cannot be read as a reachability test, with every problem"})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Reachability test files or directories.")
    private List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<ReachabilityCase> cases = read();
            int passed = 0;
            int failed = 0;
            for (ReachabilityCase testCase : cases) {
                Verification verification = Verification.of(testCase);
                for (String failure : verification.failures()) {
                    out.print("FAIL " + failure + "\n");
                }
                passed += verification.passed();
                failed += verification.failures().size();
            }
            out.print(passed + " passed, " + failed + " failed\n");
            return failed == 0 ? ExitCodes.OK : ExitCodes.INVALID;
        } catch (InputException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private List<ReachabilityCase> read() {
        List<InputException> problems = new ArrayList<>();
        List<ReachabilityCase> cases = new ArrayList<>();
        for (Path file : files()) {
            try {
                cases.add(new CaseReader().read(file));
            } catch (InputException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.stream().flatMap(e -> e.problems().stream()).toList());
        }
        return cases;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".yaml"))
                        .filter(file -> !file.getFileName().toString().equals("INDEX.yaml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
