package dev.kordon.testing;

import dev.kordon.generators.AtomicFiles;
import dev.kordon.simulator.analysis.ConnectivityFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Golden reachability snapshots: the connectivity in netpol-analyzer's text syntax, one connection a line, compared
 * whole; written only when the run asks for it with {@value #UPDATE}.
 */
final class Snapshots {

    /** The system property that makes snapshot assertions write their files instead of comparing. */
    static final String UPDATE = "kordon.updateSnapshots";

    private Snapshots() {
    }

    /** The outcome: whether it matches, both texts, and the message for a mismatch. */
    record Comparison(boolean matches, String actual, String expected, String message) {
    }

    /** {@code src/test/resources/kordon-snapshots/<test class>/<target>.txt}. */
    static Path defaultPath(String testClass, String target) {
        return Path.of("src", "test", "resources", "kordon-snapshots", testClass, target + ".txt");
    }

    static Comparison compare(Reachability reachability, Path file) {
        String rendered = ConnectivityFormat.TXT.render(reachability.connectivity().connections());
        String actual = rendered.isEmpty() || rendered.endsWith("\n") ? rendered : rendered + "\n";
        Path absolute = file.toAbsolutePath().normalize();
        if (Boolean.parseBoolean(System.getProperty(UPDATE))) {
            write(absolute, actual);
            return new Comparison(true, actual, actual, "");
        }
        if (!Files.isRegularFile(absolute)) {
            return new Comparison(false, actual, "", "No reachability snapshot for " + reachability.described() + " at "
                    + absolute + "\n  fix: run the tests with -D" + UPDATE + "=true to write it, review it, and"
                    + " commit it");
        }
        String expected;
        try {
            expected = Files.readString(absolute, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + absolute, e);
        }
        if (expected.equals(actual)) {
            return new Comparison(true, actual, expected, "");
        }
        return new Comparison(false, actual, expected, difference(reachability.described(), absolute, actual, expected));
    }

    private static String difference(String target, Path file, String actual, String expected) {
        Set<String> now = lines(actual);
        Set<String> before = lines(expected);
        List<String> added = new ArrayList<>(now);
        added.removeAll(before);
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(now);
        StringBuilder text = new StringBuilder("The reachability on ").append(target)
                .append(" differs from the snapshot ").append(file).append(':');
        added.forEach(line -> text.append("\n  + ").append(line).append("   (allowed now, not in the snapshot)"));
        removed.forEach(line -> text.append("\n  - ").append(line).append("   (in the snapshot, not allowed now)"));
        if (added.isEmpty() && removed.isEmpty()) {
            text.append("\n  the same connections, in another order or spacing");
        }
        return text.append("\n  fix: if the change is intended, run the tests with -D").append(UPDATE)
                .append("=true and commit the snapshot").toString();
    }

    private static Set<String> lines(String text) {
        Set<String> lines = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Writes through a temporary file in the same directory, so that a snapshot is never half-written. */
    private static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot " + file, e);
        }
    }
}
