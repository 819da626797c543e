package dev.kordon.generators.istio;

import static dev.kordon.generators.Feature.*;

import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;

/**
 * What {@code security.istio.io/v1} AuthorizationPolicy adds as the mesh layer above a CNI (backends.md §5). The CNI
 * layer enforces L3/L4 of every intent; this layer enforces identity, HTTP and request conditions at the destination,
 * and a flow passes only if both allow it. Support that depends on the intent's data is checked by
 * {@link MeshInspector}.
 */
final class IstioCapabilities {

    private static final String CNI = "left to the CNI layer: ";
    private static final String CNIS = "the CNI layer's";

    private static final Support NOT_THE_MESH = Support.unsupported("Istio decides only at the destination's proxy,"
            + " above a CNI that enforces L3/L4: it is only the mesh layer of a <cni>+istio target",
            "use a +istio target, e.g. kubernetes+istio");

    private static final Support L4_GUARDRAIL = Support.exact(CNI + "L4-only guardrails; an L7 one is refused where the"
            + " mesh cannot keep its place in the tier order");

    private static final Support AUDIT = Support.exact("with HTTP rules or conditions at ingress: an AUDIT policy, which"
            + " records only where the mesh has an audit provider configured (an extension provider for audit logs), and"
            + " records whatever tier decides (Istio has no tiers); L4-only audits are " + CNIS);

    private static final Support OPEN_AT_THE_MESH = Support.exact("the mesh cannot tell this peer by address or identity:"
            + " the rule's source is left open at the mesh and the CNI layer enforces the peer; the inspection refuses"
            + " it where that would lend this intent's requests to another intent's sources");

    private IstioCapabilities() {
    }

    static Capabilities of(Role role) {
        if (role != Role.MESH) {
            return Capabilities.builder().otherwise(NOT_THE_MESH).build();
        }
        Capabilities.Builder builder = Capabilities.builder();
        tiers(builder);
        peers(builder);
        ports(builder);
        requests(builder);
        return builder.build();
    }

    /** The actions of every tier, the sides and isolation. */
    private static void tiers(Capabilities.Builder builder) {
        builder
                .with(APPLICATION_ALLOW, Support.exact("at ingress: an ALLOW policy on the destination for every allow,"
                        + " with or without HTTP, because any ALLOW policy makes its workload default deny at the mesh;"
                        + " at egress: " + CNIS))
                .with(APPLICATION_DENY, Support.exact(CNI + "L4-only denies; a deny with HTTP rules or conditions"
                        + " becomes a DENY policy scoped to its ports"))
                .with(AUDIT, APPLICATION_AUDIT, ADMIN_AUDIT, BASELINE_AUDIT)
                .with(ISOLATION, Support.exact("ingress: an allow-nothing policy (a spec with only a selector); egress: "
                        + CNIS))
                .with(ADMIN_ALLOW, Support.exact(CNI + "an admin allow enforced at egress; one enforced at ingress is"
                        + " refused, because an Istio ALLOW cannot let traffic through without making the workload"
                        + " default deny"))
                .with(ADMIN_DENY, Support.exact(CNI + "L4-only denies; with HTTP rules or conditions at ingress: a DENY"
                        + " policy (in the mesh root namespace for pods of every namespace), which no ALLOW overrides"))
                .with(L4_GUARDRAIL, ADMIN_PASS, BASELINE_ALLOW, BASELINE_DENY, BASELINE_PASS)
                .with(INGRESS, Support.exact("decided by the destination's proxy; assumes the destination is in the mesh"))
                .with(EGRESS, Support.exact(CNI + "Istio decides only at the destination"));
    }

    /** Subjects (the pods a policy is written for) and peers (the sources it names). */
    private static void peers(Capabilities.Builder builder) {
        builder
                .with(SUBJECT_IN_NAMED_NAMESPACES, Support.exact("at ingress: a policy in each namespace, selecting by"
                        + " matchLabels (a selector with In, NotIn, Exists or DoesNotExist, or the mesh root namespace, is"
                        + " refused); at egress: " + CNIS))
                .with(SUBJECT_IN_LABELLED_NAMESPACES, Support.exact("at egress: " + CNIS + "; at ingress it is refused,"
                        + " as an Istio policy applies to one namespace (or to all, from the root namespace) and cannot"
                        + " select namespaces by their labels"))
                .with(SUBJECT_IN_ALL_NAMESPACES, Support.exact("at ingress: a policy in the mesh root namespace"
                        + " (GeneratorOptions.meshRootNamespace), which applies to every namespace; at egress: " + CNIS))
                .with(SUBJECT_SERVICE_ACCOUNT, Support.exact("at egress: " + CNIS + "; at ingress Istio selects"
                        + " workloads by labels only, so the pod labels of the workloads declared with the account are"
                        + " used where the intent accepts Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS"))
                .with(PEER_PODS, Support.exact("a workload by the mTLS principal of its declared service account, all"
                        + " pods of a namespace by the namespace; a workload without an account of its own, or a label"
                        + " selection, by its namespace, which the inspection refuses where that would lend this intent's"
                        + " requests to another intent's sources"))
                .with(PEER_PODS_IN_LABELLED_NAMESPACES, Support.exact("any mTLS identity (principals \"*\"), as the"
                        + " mesh cannot select namespaces by labels; the inspection refuses it where that would lend this"
                        + " intent's requests to another intent's sources"))
                .with(PEER_SERVICE_ACCOUNT, Support.exact("the principal <trustDomain>/ns/<namespace>/sa/<name>; needs"
                        + " mTLS (STRICT PeerAuthentication), as plaintext requests carry no identity"))
                .with(OPEN_AT_THE_MESH, PEER_NODES, PEER_KUBE_APISERVER, PEER_WORLD)
                .exact(PEER_ANYWHERE)
                .with(Support.exact("ipBlocks and notIpBlocks on the direct peer address"), PEER_CIDR, PEER_CIDR_EXCEPT)
                .with(Support.exact(CNI + "DNS names are destinations of egress"), PEER_DNS_NAME, PEER_DNS_WILDCARD);
    }

    /** Ports and protocols. */
    private static void ports(Capabilities.Builder builder) {
        builder
                .with(PORT_NUMBER, Support.exact("the destination (container) port, as a string"))
                .with(PORT_RANGE, Support.exact("listed port by port (Istio has no ranges), up to "
                        + MeshPorts.MAX_LISTED + " ports; a longer range is refused"))
                .with(PORT_NAMED, Support.exact("the number the destination workload declares for it; refused where a"
                        + " destination declares no such port"))
                .with(PORT_ALL_OF_PROTOCOL, Support.exact("TCP: no port restriction; UDP and SCTP are not intercepted by"
                        + " the mesh and are " + CNIS))
                .with(PORT_ANY_TRAFFIC, Support.exact("no port restriction at the mesh, which only sees TCP; other"
                        + " protocols are " + CNIS))
                .with(PROTOCOL_SCTP, Support.exact(CNI + "the mesh does not intercept SCTP"));
    }

    /** HTTP rules, request conditions and dry run. */
    private static void requests(Capabilities.Builder builder) {
        builder
                .with(HTTP_METHOD, Support.exact("methods, case-sensitive; the intent's ports must be HTTP ports for"
                        + " Istio (an ALLOW with HTTP rules matches nothing on a plain TCP port)"))
                .with(HTTP_PATH_EXACT, Support.exact("the path without its query, after Istio's path normalization"))
                .with(HTTP_PATH_PREFIX, Support.exact("/api/* as \"/api/*\""))
                .with(HTTP_PATH_GLOB, Support.exact("only a glob whose one '*' follows the leading '/', as a suffix"
                        + " (/*.png as \"*.png\"); any other glob is refused"))
                .with(HTTP_HOST, Support.exact("case-insensitive against :authority, each name also with a trailing"
                        + " dot and, when exact, with \":*\" for an authority that carries a port; a wildcard"
                        + " (*.example.com) on an allow or deny is refused, as such an authority would not match it"))
                .with(HTTP_HEADER, Support.exact("when request.headers[name]: a value exactly; presence as \"*\", which"
                        + " Istio generates as Envoy's present_match (an empty value counts); on a deny, presence is"
                        + " refused, since backends.md reads \"*\" as non-empty and the two readings differ there"))
                .with(HTTP_EGRESS, Support.exact("covered by the destination's policy only for a deny or audit whose"
                        + " destinations are all pods (both sides see the same flows); refused otherwise, unless the"
                        + " intent accepts Downgrade.L4_ONLY, as Istio enforces HTTP only at the destination"))
                .with(REQUEST_PRINCIPAL, Support.exact("when request.auth.principal; needs a RequestAuthentication for"
                        + " the issuer"))
                .with(JWT_CLAIM, Support.exact("when request.auth.claims[name][nested]; needs a RequestAuthentication"
                        + " for the issuer"))
                .with(DRY_RUN, Support.exact("annotation istio.io/dry-run: \"true\" on every policy of the set"));
    }
}
