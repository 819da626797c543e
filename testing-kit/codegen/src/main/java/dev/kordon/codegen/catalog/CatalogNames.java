package dev.kordon.codegen.catalog;

import dev.kordon.codegen.JavaNames;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Java names of a catalog's contents: a nested class per namespace and a constant per workload, claimed in sorted
 * order of the Kubernetes names so that the same contents always get the same names (docs/catalog-and-import.md).
 */
final class CatalogNames {

    private final Map<String, String> namespaceClasses = new TreeMap<>();
    private final Map<CatalogWorkload, String> workloadConstants = new HashMap<>();

    CatalogNames(CatalogReader.Contents contents, String className) {
        // Nested classes may not share the name of the class around them, nor hide the types the file uses.
        JavaNames.Scope types = new JavaNames.Scope(Set.of(className, "Workload", "NamedPort", "ServiceAccountRef",
                "LabelSelector", "Kordon", "String", "Object", CatalogWriter.SERVICE_ACCOUNTS, CatalogWriter.PORTS));
        contents.workloads().forEach((namespace, workloads) -> {
            namespaceClasses.put(namespace, types.claim(JavaNames.type(namespace)));
            JavaNames.Scope constants = new JavaNames.Scope(Set.of(CatalogWriter.NAMESPACE));
            workloads.forEach(workload -> workloadConstants.put(workload,
                    constants.claim(JavaNames.constant(workload.name()))));
        });
    }

    /** The nested class of a namespace. */
    String namespaceClass(String namespace) {
        return namespaceClasses.get(namespace);
    }

    /** The constant of a workload in its namespace's class. */
    String constant(CatalogWorkload workload) {
        return workloadConstants.get(workload);
    }
}
