package dev.kordon.generators.manifest;

import dev.kordon.dsl.Names;
import dev.kordon.dsl.PolicySet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What every generated object carries: names derived from intents, and labels and annotations that trace it back. */
public final class Manifests {

    /** The label that marks everything Kordon generated. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /** The label and annotation naming the policy set. */
    public static final String POLICY_SET = "kordon.dev/policy-set";
    /** The annotation listing the intents an object enforces. */
    public static final String INTENTS = "kordon.dev/intents";
    /** The annotation naming the policy set's owner. */
    public static final String OWNER = "kordon.dev/owner";

    private Manifests() {
    }

    /** A DNS-1123 object name of at most 63 characters: {@code <set>-<part>-<part>…}, with a hash when shortened. */
    public static String name(PolicySet set, String... parts) {
        return Names.dns1123Label(set.name() + "-" + String.join("-", parts));
    }

    /** The labels of every object of the set. */
    public static SortedMap<String, String> labels(PolicySet set) {
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put(MANAGED_BY, "kordon");
        labels.put(POLICY_SET, set.name());
        return Collections.unmodifiableSortedMap(labels);
    }

    /** The annotations that trace an object back to its policy set, owner and intents. */
    public static SortedMap<String, String> annotations(PolicySet set, Collection<String> intents) {
        SortedMap<String, String> annotations = new TreeMap<>();
        annotations.put(POLICY_SET, set.name());
        if (!intents.isEmpty()) {
            annotations.put(INTENTS, String.join(",", intents.stream().sorted().distinct().toList()));
        }
        if (!set.owner().isEmpty()) {
            annotations.put(OWNER, set.owner());
        }
        return Collections.unmodifiableSortedMap(annotations);
    }

    /** The metadata of a custom resource; {@code namespace} empty for a cluster-scoped one. */
    public static ObjectMetadata metadata(PolicySet set, String name, String namespace, List<String> intents) {
        return new ObjectMetadata(name, namespace.isEmpty() ? null : namespace, labels(set), annotations(set, intents));
    }

    /** The metadata with extra annotations (e.g. a backend's dry-run switch). */
    public static ObjectMetadata metadata(PolicySet set, String name, String namespace, List<String> intents,
            Map<String, String> extraAnnotations) {
        SortedMap<String, String> annotations = new TreeMap<>(annotations(set, intents));
        annotations.putAll(extraAnnotations);
        return new ObjectMetadata(name, namespace.isEmpty() ? null : namespace, labels(set), annotations);
    }

    /** An unmodifiable sorted copy; {@code null} and empty stay {@code null}, so that empty maps are left out. */
    public static SortedMap<String, String> sorted(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
