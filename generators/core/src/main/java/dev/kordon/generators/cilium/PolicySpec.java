package dev.kordon.generators.cilium;

import dev.kordon.generators.manifest.KubeSelector;
import java.util.List;
import java.util.Objects;

/**
 * The rule of a Cilium policy ({@code spec}), in the field order of Cilium's {@code api.Rule}. Absent sections are
 * {@code null}; a present section is never empty, since Cilium rejects a rule whose sections are all empty.
 *
 * @param endpointSelector  the subject endpoints; in a CiliumNetworkPolicy Cilium adds the policy's namespace
 * @param ingress           allow rules for traffic arriving at the subject
 * @param ingressDeny       deny rules for traffic arriving at the subject
 * @param egress            allow rules for traffic leaving the subject
 * @param egressDeny        deny rules for traffic leaving the subject
 * @param enableDefaultDeny whether the sections above make the subject default deny; absent means yes for every
 *                          direction that has a section
 */
public record PolicySpec(KubeSelector endpointSelector, List<IngressRule> ingress, List<IngressRule> ingressDeny,
        List<EgressRule> egress, List<EgressRule> egressDeny, DefaultDeny enableDefaultDeny) {

    public PolicySpec {
        Objects.requireNonNull(endpointSelector, "endpointSelector");
        ingress = Lists.orNull(ingress);
        ingressDeny = Lists.orNull(ingressDeny);
        egress = Lists.orNull(egress);
        egressDeny = Lists.orNull(egressDeny);
        if (ingress == null && ingressDeny == null && egress == null && egressDeny == null) {
            throw new IllegalArgumentException("a Cilium rule needs at least one non-empty section");
        }
    }
}
