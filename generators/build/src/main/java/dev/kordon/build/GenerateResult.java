package dev.kordon.build;

import dev.kordon.generators.Generation;
import dev.kordon.generators.OutputDirectory;
import java.util.List;
import java.util.SortedMap;

/**
 * What generation wrote: each target's manifests and fidelity report, and whether its folder was rewritten or left
 * untouched because nothing changed.
 */
public record GenerateResult(List<Generation> generations, SortedMap<String, OutputDirectory.Outcome> outcomes) {

    public GenerateResult {
        generations = List.copyOf(generations);
    }

    /** One line per target: {@code cilium: 12 objects written} or {@code ... unchanged}. */
    public List<String> summary() {
        return generations.stream().map(generation -> generation.target().id() + ": "
                + generation.resources().size() + " objects " + (outcomes.get(generation.target().id())
                == OutputDirectory.Outcome.WRITTEN ? "written" : "unchanged")).toList();
    }
}
