package dev.kordon.generators.anp;

import dev.kordon.generators.anp.AdminPolicyRules.EgressRule;
import dev.kordon.generators.anp.AdminPolicyRules.IngressRule;
import dev.kordon.generators.anp.AdminPolicyRules.Subject;
import dev.kordon.generators.manifest.ObjectMetadata;
import java.util.List;
import java.util.Objects;

/**
 * A {@code policy.networking.k8s.io/v1alpha1} AdminNetworkPolicy as written (backends.md §2.4): cluster-scoped, in the
 * admin tier, ordered by priority.
 *
 * @param apiVersion {@value #API_VERSION}
 * @param kind       {@value #KIND}
 * @param metadata   name, labels and annotations
 * @param spec       priority, subject and rules
 */
public record AdminNetworkPolicy(String apiVersion, String kind, ObjectMetadata metadata, Spec spec) {

    /** The API group and version. */
    public static final String API_VERSION = "policy.networking.k8s.io/v1alpha1";
    /** The kind. */
    public static final String KIND = "AdminNetworkPolicy";

    public AdminNetworkPolicy {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }

    /** A policy of this API version and kind. */
    public AdminNetworkPolicy(ObjectMetadata metadata, Spec spec) {
        this(API_VERSION, KIND, metadata, spec);
    }

    /** Priority 0..1000, lower first; the subject; actions {@code Allow}, {@code Deny} or {@code Pass}. */
    public record Spec(int priority, Subject subject, List<IngressRule> ingress, List<EgressRule> egress) {
    }
}
