package dev.kordon.generators.calico;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kordon.generators.manifest.ObjectMetadata;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A Calico policy object as written in manifests: a {@code NetworkPolicy}, a {@code GlobalNetworkPolicy}, or the
 * staged form of either ({@code projectcalico.org/v3}).
 *
 * @param apiVersion always {@code projectcalico.org/v3}
 * @param kind       {@code NetworkPolicy}, {@code GlobalNetworkPolicy}, {@code StagedNetworkPolicy} or
 *                   {@code StagedGlobalNetworkPolicy}
 * @param metadata   name (prefixed with its tier), namespace for the namespaced kinds, labels and annotations
 * @param spec       the policy
 */
public record CalicoPolicy(String apiVersion, String kind, ObjectMetadata metadata, Spec spec) {

    /** The API version of every Calico object Kordon writes. */
    public static final String API_VERSION = "projectcalico.org/v3";

    public CalicoPolicy {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }

    /**
     * The {@code spec} of every policy kind, in the order of Calico's reference documentation. Fields a kind does not
     * have ({@code namespaceSelector} outside the global kinds, {@code stagedAction} outside the staged ones) are
     * {@code null}.
     *
     * @param stagedAction           {@code Set} for a staged policy, else {@code null}
     * @param tier                   the tier the policy belongs to
     * @param order                  the order within the tier (lower first)
     * @param selector               the endpoints the policy applies to
     * @param namespaceSelector      the namespaces of those endpoints (global kinds only)
     * @param serviceAccountSelector the service accounts of those endpoints (unused: {@code null})
     * @param types                  the directions the policy applies to, always written
     * @param ingress                ingress rules, in evaluation order; {@code null} when none
     * @param egress                 egress rules, in evaluation order; {@code null} when none
     */
    public record Spec(String stagedAction, String tier, BigDecimal order, String selector, String namespaceSelector,
            String serviceAccountSelector, List<PolicyType> types, List<Rule> ingress, List<Rule> egress) {

        public Spec {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(selector, "selector");
            types = List.copyOf(types);
            if (types.isEmpty()) {
                throw new IllegalArgumentException("types must be written explicitly: Calico's defaulting differs"
                        + " from Kubernetes'");
            }
            ingress = ingress == null || ingress.isEmpty() ? null : List.copyOf(ingress);
            egress = egress == null || egress.isEmpty() ? null : List.copyOf(egress);
        }
    }

    /** A direction a policy applies to. */
    public enum PolicyType {
        INGRESS("Ingress"),
        EGRESS("Egress");

        private final String text;

        PolicyType(String text) {
            this.text = text;
        }

        /** The value as Calico writes it. */
        @JsonValue
        public String text() {
            return text;
        }
    }
}
