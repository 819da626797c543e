package dev.kordon.generators.kubernetes;

import static dev.kordon.generators.Feature.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;

/** What {@code networking.k8s.io/v1} NetworkPolicy can express (backends.md §1). */
final class NetworkPolicyCapabilities {

    static final Support SERVICE_ACCOUNT = Support.downgraded(Fidelity.WIDENED,
            "NetworkPolicy cannot select by service account; it is matched by the pod labels of the workloads declared"
                    + " with it, so any pod with those labels matches (wider) and pods with the account that no declared"
                    + " workload selects do not (narrower)",
            "use calico, cilium or a +istio target, or accept Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS",
            Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS);

    private static final Support MESH_SERVICE_ACCOUNT = Support.downgraded(Fidelity.WIDENED,
            "at L3/L4 NetworkPolicy matches a service account by the pod labels of the workloads declared with it; the"
                    + " mesh checks the identity at the destination, but egress and non-HTTP traffic are decided by the"
                    + " labels, so pods with those labels and another account match there (wider)",
            "accept Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS, or put calico or cilium under istio, which select by"
                    + " service account", Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS);

    private static final Support L7 = Support.downgraded(Fidelity.WIDENED,
            "NetworkPolicy cannot see HTTP or request identity: every request on the intent's ports is allowed",
            "add istio to the target (e.g. kubernetes+istio), or accept Downgrade.L4_ONLY", Downgrade.L4_ONLY);

    private static final Support MESH_L7 = Support.exact("HTTP and request conditions are left to the mesh layer");

    private static final Support GUARDRAIL = Support.unsupported("NetworkPolicy has no cluster-wide tiers, priorities,"
            + " denies or pass", "use kubernetes+cnp, kubernetes+anp, calico or cilium");

    private static final Support SUBJECT_BY_LABELS = Support.unsupported("a NetworkPolicy lives in one namespace, and"
            + " which namespaces carry these labels is not known when generating",
            "name the namespaces with inNamespace(...), or use a target with cluster-wide policies (calico, cilium)");

    private static final Support SUBJECT_EVERYWHERE = Support.unsupported("a NetworkPolicy lives in one namespace, and"
            + " which namespaces exist is not known when generating",
            "name the namespaces with inNamespace(...), or use a target with cluster-wide policies (calico, cilium)");

    /** What every NetworkPolicy implementation does, and the model leaves to intents (backends.md §1.3). */
    private static final Support NODE_LOCAL = Support.exact("except that traffic between a pod and its own node (kubelet"
            + " probes, host-network pods on it) is always allowed, whatever isolates the pod");

    private NetworkPolicyCapabilities() {
    }

    static Capabilities of(Role role) {
        boolean mesh = role == Role.TRANSPORT;
        return Capabilities.builder()
                .with(NODE_LOCAL, APPLICATION_ALLOW, ISOLATION)
                .exact(INGRESS, EGRESS, SUBJECT_IN_NAMED_NAMESPACES, PEER_PODS,
                        PEER_PODS_IN_LABELLED_NAMESPACES, PEER_ANYWHERE, PEER_CIDR, PEER_CIDR_EXCEPT, PORT_NUMBER,
                        PORT_RANGE, PORT_NAMED, PORT_ALL_OF_PROTOCOL, PROTOCOL_SCTP)
                .with(PORT_ANY_TRAFFIC, Support.exact("a rule without ports; NetworkPolicy is defined for TCP, UDP and"
                        + " SCTP, and what it does with other protocols is left to the implementation"))
                .with(APPLICATION_DENY, Support.unsupported("NetworkPolicy only allows; it has no deny",
                        "use calico, cilium or a +istio target, or state the access as a narrower allow"))
                .with(APPLICATION_AUDIT, Support.downgraded(Fidelity.UNSUPPORTED, "NetworkPolicy cannot observe"
                        + " without enforcing: nothing is recorded for this intent; no access changes",
                        "use calico, cilium or a +istio target, or accept Downgrade.AUDIT_NOT_RECORDED",
                        Downgrade.AUDIT_NOT_RECORDED))
                .with(GUARDRAIL, ADMIN_ALLOW, ADMIN_DENY, ADMIN_PASS, ADMIN_AUDIT, BASELINE_ALLOW, BASELINE_DENY,
                        BASELINE_PASS, BASELINE_AUDIT)
                .with(SUBJECT_IN_LABELLED_NAMESPACES, SUBJECT_BY_LABELS)
                .with(SUBJECT_IN_ALL_NAMESPACES, SUBJECT_EVERYWHERE)
                .with(mesh ? MESH_SERVICE_ACCOUNT : SERVICE_ACCOUNT, SUBJECT_SERVICE_ACCOUNT, PEER_SERVICE_ACCOUNT)
                .with(PEER_NODES, Support.unsupported("NetworkPolicy cannot select nodes (traffic from a pod's own node"
                        + " is always allowed)", "name the node addresses with cidr(...), or use calico or cilium"))
                .with(PEER_KUBE_APISERVER, Support.unsupported("NetworkPolicy cannot select the API server",
                        "name its addresses with cidr(...), or use cilium"))
                .with(PEER_WORLD, Support.downgraded(Fidelity.WIDENED, "the world is matched as ipBlocks 0.0.0.0/0 and"
                        + " ::/0, which on implementations that apply ipBlocks to cluster traffic also match pods and"
                        + " nodes", "use cilium, or accept Downgrade.WORLD_AS_ALL_ADDRESSES",
                        Downgrade.WORLD_AS_ALL_ADDRESSES))
                .with(Support.unsupported("NetworkPolicy cannot match DNS names", "use cilium, or name the"
                        + " addresses with cidr(...)"), PEER_DNS_NAME, PEER_DNS_WILDCARD)
                .with(mesh ? MESH_L7 : L7, HTTP_METHOD, HTTP_PATH_EXACT, HTTP_PATH_PREFIX, HTTP_PATH_GLOB, HTTP_HOST,
                        HTTP_HEADER, HTTP_EGRESS, REQUEST_PRINCIPAL, JWT_CLAIM)
                .with(DRY_RUN, Support.unsupported("NetworkPolicy has no dry run", "use calico, cilium or a +istio"
                        + " target, or generate the set without dryRun(true)"))
                .build();
    }
}
