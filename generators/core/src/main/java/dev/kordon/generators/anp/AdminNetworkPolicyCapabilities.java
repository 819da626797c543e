package dev.kordon.generators.anp;

import static dev.kordon.generators.Feature.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;

/**
 * What {@code policy.networking.k8s.io/v1alpha1} AdminNetworkPolicy and BaselineAdminNetworkPolicy can express,
 * standard channel (backends.md §2.4). Findings that depend on a guardrail's data come from the shared
 * {@link dev.kordon.generators.cnp.GuardrailInspector} and from {@link BaselineInspector}.
 */
final class AdminNetworkPolicyCapabilities {

    private static final Support APPLICATION = Support.unsupported("AdminNetworkPolicy and BaselineAdminNetworkPolicy"
            + " are for guardrails and never isolate: application intents and isolation belong to NetworkPolicy",
            "use the kubernetes+anp target, whose NetworkPolicy layer takes them");

    private static final Support AUDIT = Support.downgraded(Fidelity.UNSUPPORTED, "AdminNetworkPolicy has no audit"
            + " action: nothing is recorded for this guardrail; no access changes", "use calico or a +istio target, or"
            + " accept Downgrade.AUDIT_NOT_RECORDED", Downgrade.AUDIT_NOT_RECORDED);

    private static final Support SERVICE_ACCOUNT = Support.downgraded(Fidelity.WIDENED, "AdminNetworkPolicy cannot"
            + " select by service account; it is matched by the pod labels of the workloads declared with it, so any pod"
            + " with those labels matches (wider) and pods with the account that no declared workload selects do not"
            + " (narrower)", "use calico, cilium or a +istio target, or accept Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS",
            Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS);

    private static final Support WORLD = Support.downgraded(Fidelity.WIDENED, "the world is written as networks"
            + " 0.0.0.0/0 and ::/0, which in AdminNetworkPolicy also match every pod and node address: an allow"
            + " or pass then also covers traffic to the cluster's own pods and nodes (wider), a deny also denies it"
            + " (narrower)", "use cilium, name the outside addresses"
            + " with cidr(...), or accept Downgrade.WORLD_AS_ALL_ADDRESSES", Downgrade.WORLD_AS_ALL_ADDRESSES);

    private static final Support DNS = Support.unsupported("domainNames peers exist only in AdminNetworkPolicy's"
            + " experimental channel (and only in admin allow rules); Kordon writes the standard channel",
            "use cilium, or name the addresses with cidr(...)");

    private static final Support L7 = Support.unsupported("AdminNetworkPolicy matches only L3/L4: it cannot see"
            + " HTTP requests or request identity", "add istio to the target (kubernetes+anp+istio), or state the"
            + " guardrail for whole ports");

    private static final Support MESH_L7 = Support.exact("HTTP and request conditions are left to the mesh layer;"
            + " a deny is left to the mesh whole, an allow or pass is refused per intent");

    private AdminNetworkPolicyCapabilities() {
    }

    static Capabilities of(Role role) {
        return Capabilities.builder()
                .exact(ADMIN_ALLOW, ADMIN_DENY, ADMIN_PASS, BASELINE_ALLOW, BASELINE_DENY, INGRESS, EGRESS,
                        SUBJECT_IN_NAMED_NAMESPACES, SUBJECT_IN_LABELLED_NAMESPACES, SUBJECT_IN_ALL_NAMESPACES,
                        PEER_PODS, PEER_PODS_IN_LABELLED_NAMESPACES, PORT_NUMBER, PORT_RANGE, PROTOCOL_SCTP)
                .with(BASELINE_PASS, Support.exact("written as Allow: BaselineAdminNetworkPolicy has no Pass, and a"
                        + " baseline pass leads to the default, which allows, as Allow does"))
                .with(APPLICATION, APPLICATION_ALLOW, APPLICATION_DENY, APPLICATION_AUDIT, ISOLATION)
                .with(AUDIT, ADMIN_AUDIT, BASELINE_AUDIT)
                .with(SERVICE_ACCOUNT, SUBJECT_SERVICE_ACCOUNT, PEER_SERVICE_ACCOUNT)
                .with(PEER_ANYWHERE, Support.exact("egress: networks 0.0.0.0/0 and ::/0, every address; as an ingress"
                        + " source it is refused per intent (ingress peers can only be pods)"))
                .with(PEER_CIDR, Support.exact("egress only: networks, which also match cluster addresses in the"
                        + " block, as the intent does; as an ingress source it is refused per intent"))
                .with(PEER_CIDR_EXCEPT, Support.unsupported("AdminNetworkPolicy networks have no exceptions",
                        "list the remaining blocks as separate cidr(...) peers, or use calico or cilium"))
                .with(PEER_WORLD, WORLD)
                .with(PEER_NODES, Support.unsupported("nodes peers exist only in AdminNetworkPolicy's experimental"
                        + " channel; Kordon writes the standard channel", "name the node addresses with cidr(...), or"
                        + " use calico or cilium"))
                .with(PEER_KUBE_APISERVER, Support.unsupported("AdminNetworkPolicy cannot select the API server",
                        "name its addresses with cidr(...), or use cilium"))
                .with(DNS, PEER_DNS_NAME, PEER_DNS_WILDCARD)
                .with(PORT_NAMED, Support.unsupported("namedPort exists only in AdminNetworkPolicy's experimental"
                        + " channel; Kordon writes the standard channel", "use a port number, or kubernetes+cnp"))
                .with(PORT_ALL_OF_PROTOCOL, Support.exact("the port range 1-65535"))
                .with(PORT_ANY_TRAFFIC, Support.exact("no ports: every protocol, ICMP included"))
                .with(role == Role.TRANSPORT ? MESH_L7 : L7, HTTP_METHOD, HTTP_PATH_EXACT, HTTP_PATH_PREFIX,
                        HTTP_PATH_GLOB, HTTP_HOST, HTTP_HEADER, HTTP_EGRESS, REQUEST_PRINCIPAL, JWT_CLAIM)
                .with(DRY_RUN, Support.unsupported("AdminNetworkPolicy has no dry run", "use calico, cilium or a"
                        + " +istio target, or generate the set without dryRun(true)"))
                .build();
    }
}
