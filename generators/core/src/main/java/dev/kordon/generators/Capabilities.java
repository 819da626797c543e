package dev.kordon.generators;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a backend can express, feature by feature: the single source of the fidelity report and of the capability
 * matrix in {@code docs/backends.md}. Every feature must be declared.
 */
public final class Capabilities {

    private final Map<Feature, Support> support;

    private Capabilities(Map<Feature, Support> support) {
        this.support = Collections.unmodifiableMap(new EnumMap<>(support));
    }

    /** Starts a declaration in which every feature must be given its support. */
    public static Builder builder() {
        return new Builder();
    }

    /** How the feature is supported. */
    public Support of(Feature feature) {
        return support.get(feature);
    }

    /** Collects support feature by feature. */
    public static final class Builder {
        private final EnumMap<Feature, Support> support = new EnumMap<>(Feature.class);

        private Builder() {
        }

        /** These features are enforced exactly. */
        public Builder exact(Feature first, Feature... more) {
            put(first, Support.exact());
            for (Feature feature : more) {
                put(feature, Support.exact());
            }
            return this;
        }

        /** This feature has the given support. */
        public Builder with(Feature feature, Support how) {
            put(feature, how);
            return this;
        }

        /** These features all have the given support. */
        public Builder with(Support how, Feature first, Feature... more) {
            put(first, how);
            for (Feature feature : more) {
                put(feature, how);
            }
            return this;
        }

        private void put(Feature feature, Support how) {
            Objects.requireNonNull(how, "support");
            if (support.putIfAbsent(feature, how) != null) {
                throw new IllegalStateException("feature declared twice: " + feature);
            }
        }

        /** Every feature not declared so far has the given support. */
        public Builder otherwise(Support how) {
            for (Feature feature : Feature.values()) {
                support.putIfAbsent(feature, Objects.requireNonNull(how, "support"));
            }
            return this;
        }

        /** The declaration; fails naming every feature left undeclared. */
        public Capabilities build() {
            EnumMap<Feature, Support> missing = new EnumMap<>(Feature.class);
            for (Feature feature : Feature.values()) {
                if (!support.containsKey(feature)) {
                    missing.put(feature, null);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("capabilities leave features undeclared: " + missing.keySet());
            }
            return new Capabilities(support);
        }
    }
}
