package dev.kordon.codegen;

import dev.kordon.dsl.Kordon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/** Generated sources compiled with javac against the DSL, and a class loader over the result. */
public final class Compiled {

    private Compiled() {
    }

    /**
     * Compiles the sources (written below {@code dir}/src) into {@code dir}/classes with {@code -Werror}, fails with
     * javac's messages, and returns a loader of the classes whose parent is this test's loader.
     */
    public static URLClassLoader compile(List<GeneratedSource> sources, Path dir) {
        try {
            List<java.io.File> files = new ArrayList<>();
            for (GeneratedSource source : sources) {
                files.add(source.writeTo(dir.resolve("src")).toFile());
            }
            Path classes = dir.resolve("classes");
            java.nio.file.Files.createDirectories(classes);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (var fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = List.of("-proc:none", "-Xlint:all", "-Werror", "--release", "17",
                        "-classpath", dslClasses(), "-d", classes.toString());
                boolean ok = javac.getTask(null, fileManager, diagnostics, options, null,
                        fileManager.getJavaFileObjectsFromFiles(files)).call();
                if (!ok) {
                    throw new AssertionError("generated source does not compile:\n" + diagnostics.getDiagnostics()
                            .stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR
                                    || d.getKind() == Diagnostic.Kind.WARNING)
                            .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": "
                                    + d.getMessage(Locale.ROOT))
                            .collect(Collectors.joining("\n")));
                }
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compiled.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dslClasses() {
        try {
            return Path.of(Kordon.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
