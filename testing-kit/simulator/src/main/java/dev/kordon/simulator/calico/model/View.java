package dev.kordon.simulator.calico.model;

import dev.kordon.simulator.calico.selector.Labels;
import java.util.Map;
import java.util.Optional;

/**
 * How a selector sees an endpoint's labels. Calico evaluates namespace selectors over the {@code pcns.}-prefixed
 * labels an endpoint inherits from its namespace (with {@code all()} meaning "has a namespace" and {@code global()}
 * "has none"), and service-account selectors over the {@code pcsa.}-prefixed ones.
 */
public enum View {
    ENDPOINT(""),
    NAMESPACE(CalicoLabels.NAMESPACE_PREFIX),
    SERVICE_ACCOUNT(CalicoLabels.SERVICE_ACCOUNT_PREFIX);

    private final String prefix;

    View(String prefix) {
        this.prefix = prefix;
    }

    /** The labels as a selector in this place sees them. */
    public Labels over(Map<String, String> labels) {
        boolean namespaced = labels.containsKey(CalicoLabels.NAMESPACE);
        return new Labels() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(labels.get(prefix + key));
            }

            @Override
            public boolean all() {
                return View.this != NAMESPACE || namespaced;
            }

            @Override
            public boolean global() {
                return View.this != NAMESPACE || !namespaced;
            }
        };
    }
}
