package dev.kordon.codegen.importer;

import dev.kordon.codegen.JavaNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the import reads and where the Java source it writes goes.
 *
 * <pre>{@code
 * ImportResult result = new Importer().run(new ImportRequest(List.of(Path.of("policies")), "com.example.policies"));
 * }</pre>
 *
 * @param inputs           policy manifest files or directories (read recursively: {@code .yaml}, {@code .yml},
 *                         {@code .json}); workloads and other cluster resources among them are skipped
 * @param packageName      the package of the generated classes (empty for the unnamed package)
 * @param defaultNamespace the namespace of namespaced policies that name none, as {@code kubectl apply -n} would
 *                         give them; usually {@code default}
 */
public record ImportRequest(List<Path> inputs, String packageName, String defaultNamespace) {

    public ImportRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs: give at least one manifest file or directory");
        }
        if (!JavaNames.isPackageName(packageName)) {
            throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
        }
        if (defaultNamespace.isEmpty()) {
            throw new IllegalArgumentException("the default namespace must not be empty; Kubernetes uses 'default'");
        }
    }

    /** Reads {@code inputs} into classes of {@code packageName}, with {@code default} as the default namespace. */
    public ImportRequest(List<Path> inputs, String packageName) {
        this(inputs, packageName, "default");
    }
}
