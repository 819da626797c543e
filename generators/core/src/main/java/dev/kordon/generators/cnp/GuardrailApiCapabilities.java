package dev.kordon.generators.cnp;

import static dev.kordon.generators.Feature.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;

/**
 * What the network-policy-api guardrail kinds have in common (ClusterNetworkPolicy v1alpha2 and the legacy
 * AdminNetworkPolicy/BaselineAdminNetworkPolicy v1alpha1, standard channel): everything but baseline pass, named ports
 * and the protocol-wide matches, which each kind declares itself.
 */
public final class GuardrailApiCapabilities {

    private GuardrailApiCapabilities() {
    }

    /**
     * The shared declarations, phrased for {@code api} (e.g. {@code ClusterNetworkPolicy}) as the guardrail layer of
     * {@code target} (e.g. {@code kubernetes+cnp}), whose allowing action is called {@code allowAction}.
     */
    public static Capabilities.Builder common(String api, String target, String allowAction, Role role) {
        return Capabilities.builder()
                .exact(ADMIN_ALLOW, ADMIN_DENY, ADMIN_PASS, BASELINE_ALLOW, BASELINE_DENY, INGRESS, EGRESS,
                        SUBJECT_IN_NAMED_NAMESPACES, SUBJECT_IN_LABELLED_NAMESPACES, SUBJECT_IN_ALL_NAMESPACES,
                        PEER_PODS, PEER_PODS_IN_LABELLED_NAMESPACES, PORT_NUMBER, PORT_RANGE, PROTOCOL_SCTP)
                .with(Support.unsupported(api + " is for guardrails and never isolates: application intents and"
                        + " isolation belong to NetworkPolicy", "use the " + target + " target, whose NetworkPolicy"
                        + " layer takes them"), APPLICATION_ALLOW, APPLICATION_DENY, APPLICATION_AUDIT, ISOLATION)
                .with(Support.downgraded(Fidelity.UNSUPPORTED, api + " has no audit action: nothing is recorded for"
                        + " this guardrail; no access changes", "use calico or a +istio target, or accept"
                        + " Downgrade.AUDIT_NOT_RECORDED", Downgrade.AUDIT_NOT_RECORDED), ADMIN_AUDIT, BASELINE_AUDIT)
                .with(Support.downgraded(Fidelity.WIDENED, api + " cannot select by service account; it is matched by"
                        + " the pod labels of the workloads declared with it, so any pod with those labels matches"
                        + " (wider) and pods with the account that no declared workload selects do not (narrower)",
                        "use calico, cilium or a +istio target, or accept Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS",
                        Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS), SUBJECT_SERVICE_ACCOUNT, PEER_SERVICE_ACCOUNT)
                .with(PEER_ANYWHERE, Support.exact("egress: networks 0.0.0.0/0 and ::/0, every address; as an ingress"
                        + " source it is refused per intent (ingress peers can only be pods)"))
                .with(PEER_CIDR, Support.exact("egress only: networks, which also match cluster addresses in the"
                        + " block, as the intent does; as an ingress source it is refused per intent"))
                .with(PEER_CIDR_EXCEPT, Support.unsupported(api + " networks have no exceptions",
                        "list the remaining blocks as separate cidr(...) peers, or use calico or cilium"))
                .with(PEER_WORLD, Support.widerMatch("the world is written as networks 0.0.0.0/0 and"
                        + " ::/0, which in " + api + " also match every pod and node address: an allow or pass then"
                        + " also covers traffic to the cluster's own pods and nodes (wider), a deny also denies it"
                        + " (narrower)", "use cilium, name the outside addresses with cidr(...), or accept"
                        + " Downgrade.WORLD_AS_ALL_ADDRESSES", Downgrade.WORLD_AS_ALL_ADDRESSES))
                .with(PEER_NODES, Support.unsupported("nodes peers exist only in " + api + "'s experimental channel;"
                        + " Kordon writes the standard channel", "name the node addresses with cidr(...), or use calico"
                        + " or cilium"))
                .with(PEER_KUBE_APISERVER, Support.unsupported(api + " cannot select the API server",
                        "name its addresses with cidr(...), or use cilium"))
                .with(Support.unsupported("domainNames peers exist only in " + api + "'s experimental channel (and"
                        + " only in " + allowAction + " rules); Kordon writes the standard channel", "use cilium, or name the"
                        + " addresses with cidr(...)"), PEER_DNS_NAME, PEER_DNS_WILDCARD)
                .with(role == Role.TRANSPORT
                        ? Support.exact("HTTP and request conditions are left to the mesh layer; a deny is left to the"
                                + " mesh whole, an allow or pass is refused per intent")
                        : Support.unsupported(api + " matches only L3/L4: it cannot see HTTP requests or request"
                                + " identity", "add istio to the target (" + target + "+istio), or state the guardrail"
                                + " for whole ports"),
                        HTTP_METHOD, HTTP_PATH_EXACT, HTTP_PATH_PREFIX, HTTP_PATH_GLOB, HTTP_HOST, HTTP_HEADER,
                        HTTP_EGRESS, REQUEST_PRINCIPAL, JWT_CLAIM)
                .with(DRY_RUN, Support.unsupported(api + " has no dry run", "use calico, cilium or a +istio target, or"
                        + " generate the set without dryRun(true)"));
    }
}
