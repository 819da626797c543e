package dev.kordon.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code --classpath} values as URLs: each value is one entry or several joined with the platform's path
 * separator; an entry is a directory, a {@code .jar} file, or {@code dir/*} for every {@code .jar} of a directory.
 */
final class ClasspathEntries {

    private static final String BUILD_FIRST = "build the project that declares the policy sets first (for example"
            + " 'mvn package'), or correct the path";

    private ClasspathEntries() {
    }

    /** The URLs of every entry, in the order given; an entry that does not exist is an error, never skipped. */
    static List<URL> resolve(List<String> values) throws BadInputException {
        List<URL> urls = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isEmpty()) {
                    urls.addAll(resolveEntry(entry));
                }
            }
        }
        if (urls.isEmpty() && !values.isEmpty()) {
            throw new BadInputException("--classpath names no entry\n  fix: give a directory of classes or a .jar file,"
                    + " e.g. --classpath target/classes");
        }
        return List.copyOf(urls);
    }

    private static List<URL> resolveEntry(String entry) throws BadInputException {
        if (entry.equals("*") || entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
            return jarsIn(entry, entry.length() == 1 ? "." : entry.substring(0, entry.length() - 2));
        }
        Path path = path(entry);
        if (Files.isDirectory(path) || Files.isRegularFile(path) && isJar(path)) {
            return List.of(url(entry, path));
        }
        if (!Files.exists(path)) {
            throw new BadInputException("classpath entry does not exist: " + entry + "\n  fix: " + BUILD_FIRST);
        }
        throw new BadInputException("classpath entry is neither a directory nor a .jar file: " + entry
                + "\n  fix: give the directory of compiled classes (e.g. target/classes) or the project's .jar");
    }

    private static List<URL> jarsIn(String entry, String directory) throws BadInputException {
        Path dir = path(directory);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("classpath entry " + entry + " names no directory: " + directory
                    + "\n  fix: " + BUILD_FIRST);
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(file -> Files.isRegularFile(file) && isJar(file)).sorted().toList()) {
                urls.add(url(entry, jar));
            }
        } catch (IOException e) {
            throw new BadInputException("cannot list classpath entry " + entry + ": " + e.getMessage());
        }
        return urls;
    }

    private static boolean isJar(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    private static Path path(String entry) throws BadInputException {
        try {
            return Path.of(entry);
        } catch (InvalidPathException e) {
            throw new BadInputException("classpath entry is not a valid path: " + entry + " (" + e.getReason() + ")");
        }
    }

    private static URL url(String entry, Path path) throws BadInputException {
        try {
            return path.toAbsolutePath().normalize().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new BadInputException("classpath entry cannot be used as a URL: " + entry + " (" + e.getMessage() + ")");
        }
    }
}
