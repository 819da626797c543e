package dev.kordon.generators;

import dev.kordon.generators.manifest.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The manifests of one target for some policy sets, with the fidelity report.
 *
 * @param target    the target
 * @param resources every generated object, sorted by file
 * @param report    the fidelity report
 */
public record Generation(Target target, List<Resource> resources, FidelityReport report) {

    public Generation {
        Objects.requireNonNull(target, "target");
        resources = resources.stream().sorted(Comparator.comparing(Resource::file)).toList();
        Objects.requireNonNull(report, "report");
    }

    /**
     * Every file of this target, by path relative to the output directory: {@code <target>/<namespace or _cluster>/
     * <kind>-<name>.yaml}, the target's {@code kustomization.yaml}, and the report as {@code fidelity.txt} and
     * {@code fidelity.json}.
     */
    public SortedMap<String, String> files() {
        SortedMap<String, String> files = new TreeMap<>();
        List<String> listed = new ArrayList<>();
        for (Resource resource : resources) {
            files.put(target.id() + "/" + resource.file(), Yaml.write(resource.body()));
            listed.add(resource.file());
        }
        files.put(target.id() + "/kustomization.yaml", Yaml.write(new Kustomization(listed)));
        files.put(target.id() + "/fidelity.txt", report.text());
        files.put(target.id() + "/fidelity.json", report.json());
        return Collections.unmodifiableSortedMap(files);
    }

    /** Every object as one multi-document YAML stream. */
    public String stream() {
        return Yaml.stream(resources.stream().map(Resource::body).toList());
    }

    /** The kustomization that lists a target's files. */
    record Kustomization(String apiVersion, String kind, List<String> resources) {
        Kustomization(List<String> resources) {
            this("kustomize.config.k8s.io/v1beta1", "Kustomization", List.copyOf(resources));
        }
    }
}
