package dev.kordon.build.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What the report covers and where it was written.
 *
 * @param files       the files written: {@code index.html} and {@code summary.md}
 * @param policySets  how many policy sets it describes
 * @param intents     how many intents those sets declare
 * @param targets     how many targets it covers
 * @param findings    how many fidelity findings (intent features not enforced exactly) over every target
 * @param connections how many allowed connections over every target; 0 without a cluster
 */
public record ReportResult(List<Path> files, int policySets, int intents, int targets, int findings,
        int connections) {

    public ReportResult {
        files = List.copyOf(files);
    }

    /** One line for people: {@code 2 policy sets, 8 intents, 2 targets, 3 fidelity findings, 14 allowed connections}. */
    public String summary() {
        return count(policySets, "policy set") + ", " + count(intents, "intent") + ", " + count(targets, "target")
                + ", " + count(findings, "fidelity finding") + ", " + count(connections, "allowed connection");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
