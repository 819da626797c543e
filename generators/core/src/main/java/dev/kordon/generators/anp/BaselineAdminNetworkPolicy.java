package dev.kordon.generators.anp;

import dev.kordon.generators.anp.AdminPolicyRules.EgressRule;
import dev.kordon.generators.anp.AdminPolicyRules.IngressRule;
import dev.kordon.generators.anp.AdminPolicyRules.Subject;
import dev.kordon.generators.manifest.ObjectMetadata;
import java.util.List;
import java.util.Objects;

/**
 * A {@code policy.networking.k8s.io/v1alpha1} BaselineAdminNetworkPolicy as written (backends.md §2.4): the cluster's
 * singleton, which must be named {@value #NAME}; it has no priority, its rules are evaluated in written order, and its
 * actions are {@code Allow} and {@code Deny} only.
 *
 * @param apiVersion {@value #API_VERSION}
 * @param kind       {@value #KIND}
 * @param metadata   name {@value #NAME}, labels and annotations
 * @param spec       subject and rules
 */
public record BaselineAdminNetworkPolicy(String apiVersion, String kind, ObjectMetadata metadata, Spec spec) {

    /** The API group and version. */
    public static final String API_VERSION = "policy.networking.k8s.io/v1alpha1";
    /** The kind. */
    public static final String KIND = "BaselineAdminNetworkPolicy";
    /** The only name the API accepts. */
    public static final String NAME = "default";

    public BaselineAdminNetworkPolicy {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
        if (!NAME.equals(metadata.name())) {
            throw new IllegalArgumentException("a BaselineAdminNetworkPolicy must be named " + NAME + ": "
                    + metadata.name());
        }
    }

    /** A policy of this API version and kind. */
    public BaselineAdminNetworkPolicy(ObjectMetadata metadata, Spec spec) {
        this(API_VERSION, KIND, metadata, spec);
    }

    /** The subject shared by every rule, and the rules in order of evaluation. */
    public record Spec(Subject subject, List<IngressRule> ingress, List<EgressRule> egress) {
    }
}
