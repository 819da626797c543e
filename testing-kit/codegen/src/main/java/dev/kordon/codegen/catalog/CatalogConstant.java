package dev.kordon.codegen.catalog;

import dev.kordon.dsl.Workload;
import java.util.Objects;

/**
 * Where the catalog declares a workload: {@code packageName.className.namespaceClass.field}, e.g.
 * {@code com.example.Workloads.Shop.FRONTEND}, and the value it holds there.
 *
 * @param workload       the value of the constant
 * @param packageName    the catalog's package
 * @param className      the catalog's class
 * @param namespaceClass the nested class of the workload's namespace
 * @param field          the constant
 */
public record CatalogConstant(Workload workload, String packageName, String className, String namespaceClass,
        String field) {

    public CatalogConstant {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(namespaceClass, "namespaceClass");
        Objects.requireNonNull(field, "field");
    }
}
