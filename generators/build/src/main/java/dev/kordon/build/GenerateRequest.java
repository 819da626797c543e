package dev.kordon.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to generate: the policy sets of a project, for targets, into a directory.
 *
 * @param classpath the project's compiled classes first, then the class path they need
 * @param sets      the policy sets by name; empty for all
 * @param targets   the target ids; empty for all
 * @param output    where each target's folder is written ({@code target/kordon})
 */
public record GenerateRequest(List<Path> classpath, List<String> sets, List<String> targets, Path output) {

    public GenerateRequest {
        classpath = List.copyOf(classpath);
        sets = List.copyOf(sets);
        targets = List.copyOf(targets);
        Objects.requireNonNull(output, "output");
    }
}
