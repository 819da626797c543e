package dev.kordon.generators.calico;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kordon.generators.manifest.ObjectMetadata;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A Calico {@code Tier} object ({@code projectcalico.org/v3}, cluster-scoped): an ordered group of policies with the
 * action for traffic that a policy of the tier selects but no rule of the tier decides.
 *
 * @param apiVersion always {@code projectcalico.org/v3}
 * @param kind       always {@code Tier}
 * @param metadata   the tier's name, labels and annotations (the same for every policy set)
 * @param spec       order and default action
 */
public record CalicoTier(String apiVersion, String kind, ObjectMetadata metadata, Spec spec) {

    public CalicoTier {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }

    /**
     * The tier's {@code spec}.
     *
     * @param order         lower tiers are evaluated first
     * @param defaultAction what happens to traffic the tier's policies select but do not decide
     */
    public record Spec(BigDecimal order, DefaultAction defaultAction) {

        public Spec {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(defaultAction, "defaultAction");
        }
    }

    /** The default action of a tier. */
    public enum DefaultAction {
        /** Deny: a pod that a policy of the tier selects is isolated in that direction. */
        DENY("Deny"),
        /** Pass to the next tier: the tier only decides what its rules match. */
        PASS("Pass");

        private final String text;

        DefaultAction(String text) {
            this.text = text;
        }

        /** The value as Calico writes it. */
        @JsonValue
        public String text() {
            return text;
        }
    }
}
