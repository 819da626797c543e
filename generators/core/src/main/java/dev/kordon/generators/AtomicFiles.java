package dev.kordon.generators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader (or a build that is interrupted) sees either the old content or the new, never half of
 * it: the text goes to a temporary file in the same directory, which then replaces the file in one move.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("target/kordon/report/index.html"), html);
 * }</pre>
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes the text as UTF-8, creating the parent directories; the file is replaced whole or left as it was. */
    public static Path write(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /**
     * Moves a file or directory in one step where the file system can ({@code ATOMIC_MOVE}), else with a plain
     * move; an existing target file is replaced (a directory target must not exist).
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
