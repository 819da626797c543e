package dev.kordon.codegen.catalog;

import dev.kordon.codegen.GeneratedSource;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates a typed catalog of a cluster's workloads: one Java class, with a nested class per namespace holding its
 * name, a {@link dev.kordon.dsl.Workload} constant per workload (its selector, service account and named ports), its
 * service accounts and its named ports, so that policies refer to real workloads and a typo does not compile.
 *
 * <pre>{@code
 * GeneratedSource source = new Catalog().generate(new CatalogRequest(List.of(Path.of("k8s")), "com.example", "Workloads"));
 * }</pre>
 *
 * <p>The text depends only on the objects read: not on the order of the inputs or of the documents in them, the
 * file names, the clock or the default locale.
 */
public final class Catalog {

    /**
     * The catalog of the workloads in the request's inputs.
     *
     * @throws InputException with every problem of the input (unreadable files, malformed YAML, workloads without
     *                        a selector or labels, workloads declared twice, bad container ports), each naming the
     *                        file, the object, the field and the fix
     */
    public GeneratedSource generate(CatalogRequest request) {
        return new CatalogWriter(request.packageName(), request.className()).write(contents(request));
    }

    /**
     * Where the catalog of the request declares each workload, and the value it holds there, sorted by namespace and
     * name: for tools that write source referring to the catalog (the import).
     *
     * @throws InputException as {@link #generate}
     */
    public List<CatalogConstant> constants(CatalogRequest request) {
        CatalogReader.Contents contents = contents(request);
        CatalogNames names = new CatalogNames(contents, request.className());
        List<CatalogConstant> constants = new ArrayList<>();
        contents.workloads().forEach((namespace, workloads) -> workloads.forEach(workload -> constants.add(
                new CatalogConstant(workload.workload(), request.packageName(), request.className(),
                        names.namespaceClass(namespace), names.constant(workload)))));
        return constants;
    }

    private static CatalogReader.Contents contents(CatalogRequest request) {
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read(request.inputs(), problems);
        CatalogReader.Contents contents = new CatalogReader(request.defaultNamespace()).read(manifests, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems.all().stream().sorted(Comparator.comparing(Object::toString)).toList());
        }
        return contents;
    }
}
