package dev.kordon.generators.istio;

import dev.kordon.generators.Feature;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Support;
import java.util.List;
import java.util.Objects;

/**
 * Something in an intent's data that the mesh layer cannot enforce exactly, before it becomes a finding.
 *
 * @param feature  the feature it belongs to
 * @param fidelity narrowed, widened or unsupported
 * @param reason   what extra or missing access would follow
 * @param hint     what to do about it
 */
record MeshProblem(Feature feature, Fidelity fidelity, String reason, String hint) {

    MeshProblem {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(fidelity, "fidelity");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(hint, "hint");
    }

    static MeshProblem unsupported(Feature feature, String reason, String hint) {
        return new MeshProblem(feature, Fidelity.UNSUPPORTED, reason, hint);
    }

    /** As a support that no downgrade makes acceptable. */
    Support support() {
        return fidelity == Fidelity.UNSUPPORTED ? Support.unsupported(reason, hint)
                : new Support(fidelity, reason, hint, List.of());
    }
}
