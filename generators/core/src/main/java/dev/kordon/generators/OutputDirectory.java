package dev.kordon.generators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes generations to a directory, one folder per target, all or nothing: every target's folder is first written
 * in full beside the real one and then moved into place, so a failure leaves the previous output as it was, and files
 * of intents that no longer exist disappear with the old folder. A target whose files are all unchanged is left
 * untouched, file times included.
 */
public final class OutputDirectory {

    private final Path root;

    public OutputDirectory(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** What writing did to each target's folder. */
    public enum Outcome {
        WRITTEN,
        UNCHANGED
    }

    /** Writes every generation; returns what happened to each target's folder, by target id. */
    public SortedMap<String, Outcome> write(List<Generation> generations) {
        SortedMap<String, Outcome> outcomes = new TreeMap<>();
        try {
            Files.createDirectories(root);
            for (Generation generation : generations) {
                outcomes.put(generation.target().id(), write(generation));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifests to " + root + ": " + e.getMessage(), e);
        }
        return outcomes;
    }

    private Outcome write(Generation generation) throws IOException {
        String target = generation.target().id();
        Path folder = root.resolve(target);
        SortedMap<String, String> files = new TreeMap<>();
        generation.files().forEach((path, text) -> files.put(path.substring(target.length() + 1), text));
        if (sameContent(folder, files)) {
            return Outcome.UNCHANGED;
        }
        Path staging = Files.createTempDirectory(root, "." + target + ".new-");
        Path old = root.resolve("." + target + ".old");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            deleteTree(old);
            if (Files.exists(folder)) {
                AtomicFiles.move(folder, old);
            }
            AtomicFiles.move(staging, folder);
            deleteTree(old);
            return Outcome.WRITTEN;
        } finally {
            deleteTree(staging);
        }
    }

    private static boolean sameContent(Path folder, SortedMap<String, String> files) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        SortedMap<String, String> existing = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                existing.put(folder.relativize(path).toString().replace('\\', '/'),
                        Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return existing.equals(files);
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
