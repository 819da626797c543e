package dev.kordon.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writes_utf8_text_creating_the_parent_directories(@TempDir Path work) throws IOException {
        // when
        Path file = AtomicFiles.write(work.resolve("a/b/summary.md"), "größer → kleiner\n");

        // then
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("größer → kleiner\n");
        assertThat(names(work.resolve("a/b"))).containsExactly("summary.md");
    }

    @Test
    void replaces_an_existing_file_whole_and_leaves_no_temporary_file(@TempDir Path work) throws IOException {
        // given
        Path file = Files.writeString(work.resolve("baseline.txt"), "old content that is longer than the new\n");

        // when
        AtomicFiles.write(file, "new\n");

        // then
        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(names(work)).containsExactly("baseline.txt");
    }

    @Test
    void leaves_the_old_file_and_no_temporary_file_when_the_target_cannot_be_replaced(@TempDir Path work)
            throws IOException {
        // given: a directory with content where the file should go, which no move may replace
        Path target = Files.createDirectories(work.resolve("index.html"));
        Files.writeString(target.resolve("keep"), "x");

        // when
        Throwable failure = catchThrowable(() -> AtomicFiles.write(target, "<html>"));

        // then
        assertThat(failure).isInstanceOf(IOException.class);
        assertThat(names(work)).containsExactly("index.html");
        assertThat(Files.readString(target.resolve("keep"))).isEqualTo("x");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
