package dev.kordon.build.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/report/}, compared whole. Run the tests with
 * {@code -Dkordon.updateGolden=true} to rewrite them; review the diff before committing.
 */
final class Golden {

    private static final Path ROOT = Path.of("src/test/resources/golden/report");

    private Golden() {
    }

    /** Compares the text with one golden file, or rewrites the file when asked to. */
    static void assertFile(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        try {
            if (Boolean.getBoolean("kordon.updateGolden")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (create it with -Dkordon.updateGolden=true)", file).exists();
            assertThat(actual).as("report vs golden file %s (rewrite it with -Dkordon.updateGolden=true)", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
