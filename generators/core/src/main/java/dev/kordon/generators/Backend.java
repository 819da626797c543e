package dev.kordon.generators;

import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import java.util.List;

/**
 * One policy engine's mapping from intents to manifests. Each backend lives in its own package and is registered in
 * {@link Targets}; nothing else refers to a particular backend.
 */
public interface Backend {

    /** The backend's id in reports, e.g. {@code kubernetes} or {@code cilium}. */
    String id();

    /** What the backend can express in the given role, for every feature. */
    Capabilities capabilities(Role role);

    /**
     * Findings that depend on the policy set's data rather than on features alone, e.g. a service account that no
     * declared workload runs as, or a subject in the mesh root namespace of {@code options}. Empty by default.
     */
    default List<Finding> inspect(PolicySet set, Intent intent, Role role, GeneratorOptions options) {
        return List.of();
    }

    /**
     * The resources for the given intents. Called only when every finding for them is exact or accepted, so a
     * backend may apply exactly the downgrades its capabilities name and the intents accepted.
     */
    List<Resource> render(RenderRequest request);

    /** A data-dependent finding about one feature of one intent. */
    record Finding(Feature feature, Support support) {
    }
}
