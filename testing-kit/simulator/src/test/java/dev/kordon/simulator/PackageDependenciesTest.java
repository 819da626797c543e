package dev.kordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulator's packages point one way: the model, the readers and the engines never depend on what is built on
 * them (the analyses, the intent's reference semantics, the reachability files), so no package cycle can form.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/kordon/simulator");
    private static final List<String> BELOW = List.of("cluster", "input", "net", "engine", "generic", "calico",
            "cilium", "istio");
    private static final List<String> ABOVE = List.of("analysis", "reference", "verify");

    @Test
    void the_model_readers_and_engines_import_no_analysis_reference_or_verify_class() throws IOException {
        // given
        List<String> violations = new java.util.ArrayList<>();
        for (String below : BELOW) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(below))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                    // when
                    for (String line : Files.readAllLines(file)) {
                        for (String above : ABOVE) {
                            if (line.startsWith("import dev.kordon.simulator." + above + ".")
                                    || line.startsWith("import static dev.kordon.simulator." + above + ".")) {
                                violations.add(SOURCES.relativize(file) + ": " + line);
                            }
                        }
                    }
                }
            }
        }

        // then
        assertThat(violations).isEmpty();
    }
}
