package dev.kordon.build.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to report on: the policy sets of a project, for targets, optionally on a cluster, into a directory.
 *
 * @param classpath the project's compiled classes first, then the class path they need
 * @param sets      the policy sets by name; empty for all
 * @param targets   the target ids; empty for all
 * @param cluster   the cluster's workload manifests; empty for none, and then the report has no reachability
 * @param output    where {@code index.html} and {@code summary.md} are written ({@code target/kordon-report})
 */
public record ReportRequest(List<Path> classpath, List<String> sets, List<String> targets, List<Path> cluster,
        Path output) {

    public ReportRequest {
        classpath = List.copyOf(classpath);
        sets = List.copyOf(sets);
        targets = List.copyOf(targets);
        cluster = List.copyOf(cluster);
        Objects.requireNonNull(output, "output");
    }
}
