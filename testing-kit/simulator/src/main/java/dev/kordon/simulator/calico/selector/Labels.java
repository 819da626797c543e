package dev.kordon.simulator.calico.selector;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a selector is evaluated against: a label lookup, and what {@code all()} and {@code global()} mean in the place
 * the selector is used (in a rule's {@code namespaceSelector} Calico rewrites {@code all()} to "any namespaced
 * endpoint" and {@code global()} to "any non-namespaced resource"; elsewhere both match everything).
 */
public interface Labels {

    /** The value of a label, if present. */
    Optional<String> get(String key);

    /** Whether {@code all()} holds. */
    boolean all();

    /** Whether {@code global()} holds. */
    boolean global();

    /** Plain labels, where {@code all()} and {@code global()} match everything. */
    static Labels of(Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        return new Labels() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(labels.get(key));
            }

            @Override
            public boolean all() {
                return true;
            }

            @Override
            public boolean global() {
                return true;
            }
        };
    }
}
