package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kordon's own output, imported back: the generators' golden manifests for {@code kubernetes},
 * {@code kubernetes+cnp} and {@code kubernetes+anp}, on a cluster made of one pod per selector they write, decide every
 * flow of the probe grid the same after import → generate (the same target) → simulate, and by the reference
 * semantics of the imported sets.
 */
class GoldenManifestsRoundTripTest {

    private static final Path GOLDEN = Path.of("../../generators/core/src/test/resources/golden");

    static Stream<Arguments> files() throws IOException {
        List<Arguments> files = new java.util.ArrayList<>();
        for (String target : List.of("kubernetes", "kubernetes+cnp", "kubernetes+anp")) {
            try (Stream<Path> listed = Files.list(GOLDEN.resolve(target))) {
                listed.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted()
                        .forEach(file -> files.add(Arguments.of(target, file.getFileName().toString())));
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("files")
    void imported_generated_manifests_decide_every_probe_as_the_originals(String target, String name,
            @TempDir Path work) {
        // given
        Path file = GOLDEN.resolve(target).resolve(name);
        Problems problems = new Problems();
        List<Manifest> original = new ManifestReader().read(List.of(file), problems);
        problems.throwIfAny();
        Cluster cluster = ClusterFromSelectors.of(original);
        assertThat(cluster.pods()).hasSizeGreaterThan(2);

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(file, cluster, original, EnforcementProfile.generic(), target,
                List.of(), work);

        // then
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.probes()).isGreaterThan(0);
        assertThat(outcome.referenceDifferences()).isEmpty();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.generatedDifferences()).isEmpty();
    }
}
