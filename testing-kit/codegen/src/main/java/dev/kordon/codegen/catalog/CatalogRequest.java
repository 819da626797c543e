package dev.kordon.codegen.catalog;

import dev.kordon.codegen.JavaNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the catalog reads and what it writes.
 *
 * <pre>{@code
 * GeneratedSource workloads = new Catalog().generate(
 *         new CatalogRequest(List.of(Path.of("k8s")), "com.example.shop", "Workloads", "default"));
 * workloads.writeTo(Path.of("target/generated-sources/kordon"));
 * }</pre>
 *
 * @param inputs           manifest files or directories (read recursively: {@code .yaml}, {@code .yml}, {@code .json})
 * @param packageName      the package of the generated class (empty for the unnamed package)
 * @param className        the simple name of the generated class, e.g. {@code Workloads}
 * @param defaultNamespace the namespace of objects that name none, as {@code helm template --namespace} or
 *                         {@code kubectl apply -n} would give them; usually {@code default}
 */
public record CatalogRequest(List<Path> inputs, String packageName, String className, String defaultNamespace) {

    public CatalogRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs: give at least one manifest file or directory");
        }
        if (!JavaNames.isPackageName(packageName)) {
            throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
        }
        if (!JavaNames.isIdentifier(className)) {
            throw new IllegalArgumentException("not a Java class name: '" + className + "'");
        }
        if (defaultNamespace.isEmpty()) {
            throw new IllegalArgumentException("the default namespace must not be empty; Kubernetes uses 'default'");
        }
    }

    /** Reads {@code inputs} into {@code packageName.className}, with {@code default} as the default namespace. */
    public CatalogRequest(List<Path> inputs, String packageName, String className) {
        this(inputs, packageName, className, "default");
    }
}
