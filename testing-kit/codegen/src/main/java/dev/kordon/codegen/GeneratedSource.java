package dev.kordon.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.kordon.generators.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One generated Java source file: its package, its class and its whole text (UTF-8, {@code \n}, trailing newline).
 *
 * @param packageName the package, e.g. {@code com.example.shop}
 * @param className   the simple name of its top-level class
 * @param text        the source text
 */
public record GeneratedSource(String packageName, String className, String text) {

    public GeneratedSource {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The source of one top-level class, as every generated file is written: the comment first, the DSL's entry
     * point imported statically, four-space indentation.
     */
    public static GeneratedSource of(String packageName, TypeSpec type, String fileComment) {
        JavaFile file = JavaFile.builder(packageName, type)
                .addFileComment("$L", fileComment)
                .addStaticImport(DslSource.KORDON, "*")
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        return new GeneratedSource(packageName, type.name(), file.toString());
    }

    /** The binary name of its class, e.g. {@code com.example.shop.Workloads}. */
    public String qualifiedName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    /** Its path below a source root, e.g. {@code com/example/shop/Workloads.java}. */
    public Path relativePath() {
        return Path.of(qualifiedName().replace('.', '/') + ".java");
    }

    /** Writes it below {@code sourceRoot}, creating the package folders, and returns the file (never half-written). */
    public Path writeTo(Path sourceRoot) throws IOException {
        return AtomicFiles.write(sourceRoot.resolve(relativePath()), text);
    }
}
