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
 * @param defaultNamespace the namespace of namespaced policies (and workloads) that name none, as
 *                         {@code kubectl apply -n} would give them; usually {@code default}
 * @param workloads        workload manifests whose catalog the source refers to (empty for none): a peer or subject
 *                         that selects exactly one catalog workload's pods is written as its constant, e.g.
 *                         {@code Workloads.Shop.FRONTEND}
 * @param catalogClass     the binary name of that catalog class, e.g. {@code com.example.Workloads} (empty without
 *                         workloads)
 */
public record ImportRequest(List<Path> inputs, String packageName, String defaultNamespace, List<Path> workloads,
        String catalogClass) {

    public ImportRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        workloads = List.copyOf(workloads);
        Objects.requireNonNull(catalogClass, "catalogClass");
        if (workloads.isEmpty() != catalogClass.isEmpty()) {
            throw new IllegalArgumentException("give workloads and the catalog class together, or neither");
        }
        if (!catalogClass.isEmpty() && (!JavaNames.isPackageName(catalogClass) || !catalogClass.contains("."))) {
            throw new IllegalArgumentException("not a qualified Java class name: '" + catalogClass + "'");
        }
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

    /** Reads {@code inputs} into classes of {@code packageName}, without a catalog. */
    public ImportRequest(List<Path> inputs, String packageName, String defaultNamespace) {
        this(inputs, packageName, defaultNamespace, List.of(), "");
    }

    /** Reads {@code inputs} into classes of {@code packageName}, with {@code default} as the default namespace. */
    public ImportRequest(List<Path> inputs, String packageName) {
        this(inputs, packageName, "default");
    }

    /** The catalog's package: {@code com.example} of {@code com.example.Workloads}. */
    String catalogPackage() {
        return catalogClass.substring(0, catalogClass.lastIndexOf('.'));
    }

    /** The catalog's simple name: {@code Workloads} of {@code com.example.Workloads}. */
    String catalogSimpleName() {
        return catalogClass.substring(catalogClass.lastIndexOf('.') + 1);
    }
}
