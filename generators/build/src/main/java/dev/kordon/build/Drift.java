package dev.kordon.build;

import dev.kordon.generators.Generation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Whether the manifests committed for GitOps equal the ones generated now: every file of every target's folder,
 * compared whole. Each difference is one line saying what to do.
 */
final class Drift {

    private Drift() {
    }

    /** Every difference between the generations and the committed directory, or none. */
    static List<String> differences(List<Generation> generations, Path committed) {
        List<String> differences = new ArrayList<>();
        for (Generation generation : generations) {
            String target = generation.target().id();
            Path folder = committed.resolve(target);
            SortedMap<String, String> files = generation.files();
            if (!Files.isDirectory(folder)) {
                differences.add(target + "/: not committed (no folder " + folder + ")");
                continue;
            }
            TreeSet<String> present = list(committed, folder);
            for (var file : files.entrySet()) {
                Path path = committed.resolve(file.getKey());
                if (!present.remove(file.getKey())) {
                    differences.add(file.getKey() + ": generated, not committed");
                    continue;
                }
                String text = read(path);
                if (!text.equals(file.getValue())) {
                    differences.add(file.getKey() + ": differs from the generated file" + firstDifference(text,
                            file.getValue()));
                }
            }
            present.forEach(stale -> differences.add(stale + ": committed, no longer generated"));
        }
        return differences;
    }

    private static TreeSet<String> list(Path root, Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            TreeSet<String> files = new TreeSet<>();
            walk.filter(Files::isRegularFile).forEach(file -> files.add(root.relativize(file).toString()
                    .replace(java.io.File.separatorChar, '/')));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@code  (line 7: committed 'a', generated 'b')}. */
    private static String firstDifference(String committed, String generated) {
        String[] left = committed.split("\n", -1);
        String[] right = generated.split("\n", -1);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String a = i < left.length ? left[i] : "(end of file)";
            String b = i < right.length ? right[i] : "(end of file)";
            if (!a.equals(b)) {
                return " (line " + (i + 1) + ": committed '" + a.strip() + "', generated '" + b.strip() + "')";
            }
        }
        return "";
    }
}
