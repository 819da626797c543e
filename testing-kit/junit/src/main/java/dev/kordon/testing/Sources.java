package dev.kordon.testing;

import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the manifests a {@link KordonTest} names: files or directories on the file system (relative to the working
 * directory) or, with a {@code classpath:} prefix, resources of the test's class loader (in a directory or a jar).
 */
final class Sources {

    static final String CLASSPATH = "classpath:";

    private final ClassLoader classLoader;
    private final String owner;

    /**
     * @param owner how messages name the element that gave the paths, e.g. {@code @KordonTest(cluster) of ShopTest}
     */
    Sources(ClassLoader classLoader, String owner) {
        this.classLoader = classLoader;
        this.owner = owner;
    }

    /**
     * Every manifest in the locations; problems of the files themselves go to {@code problems}.
     *
     * @throws KordonConfigurationException when a location does not exist
     */
    List<Manifest> read(List<String> locations, Problems problems) {
        List<Manifest> manifests = new ArrayList<>();
        ManifestReader reader = new ManifestReader();
        for (String location : locations) {
            if (location.startsWith(CLASSPATH)) {
                manifests.addAll(readResource(location, reader, problems));
            } else {
                Path path = Paths.get(location).toAbsolutePath().normalize();
                if (!Files.exists(path)) {
                    throw new KordonConfigurationException(owner + ": no such file or directory: '" + location
                            + "' (resolved against the working directory to " + path + ")", "give a path that exists"
                            + " relative to " + Paths.get("").toAbsolutePath() + " (a Maven module's base directory"
                            + " under Surefire), or a resource as 'classpath:" + location + "'");
                }
                manifests.addAll(reader.read(List.of(path), problems));
            }
        }
        return manifests;
    }

    private List<Manifest> readResource(String location, ManifestReader reader, Problems problems) {
        String name = location.substring(CLASSPATH.length());
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        String resource = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        URL url = classLoader.getResource(resource);
        if (url == null) {
            throw new KordonConfigurationException(owner + ": no resource '" + resource + "' on the test class path"
                    + " (from '" + location + "')", "put it under src/test/resources/" + resource + ", or give a"
                    + " file system path without the classpath: prefix");
        }
        try {
            if (url.getProtocol().equals("file")) {
                return reader.read(List.of(Paths.get(url.toURI())), problems);
            }
            if (url.getProtocol().equals("jar")) {
                String text = url.toString();
                String jar = text.substring(0, text.indexOf("!/"));
                try (FileSystem zip = FileSystems.newFileSystem(java.net.URI.create(jar), Map.of())) {
                    Path root = zip.getPath(text.substring(text.indexOf("!/") + 1));
                    return readTree(root, location, reader, problems);
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new KordonConfigurationException(owner + ": cannot read '" + location + "': " + e.getMessage(),
                    "check that the resource is readable");
        }
        throw new KordonConfigurationException(owner + ": cannot read '" + location + "' from a " + url.getProtocol()
                + " URL (" + url + ")", "put the resource in a directory or a jar on the class path");
    }

    /** The YAML and JSON files of a directory inside a jar, read in name order. */
    private static List<Manifest> readTree(Path root, String location, ManifestReader reader, Problems problems)
            throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted().toList();
        }
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : files) {
            try {
                manifests.addAll(reader.read(CLASSPATH + file.toString().replaceFirst("^/", ""),
                        Files.readString(file), problems));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " of " + location, e);
            }
        }
        return manifests;
    }
}
