package dev.kordon.generators.cilium;

import static dev.kordon.generators.Feature.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;

/** What CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy can express, per role (backends.md §4). */
final class CiliumCapabilities {

    private static final String NO_TIERS = "Cilium policies have no tiers or priorities: ";
    private static final String GUARDRAIL_HINT = "use calico or kubernetes+cnp, whose tiers order guardrails before"
            + " application policy; on cilium, leave this traffic out of the denies it should override";

    private static final Support AUDIT = Support.downgraded(Fidelity.UNSUPPORTED, "Cilium cannot observe without"
            + " enforcing (its audit mode is per agent or per endpoint, not per policy): nothing is recorded for this"
            + " intent; no access changes", "use calico, or accept Downgrade.AUDIT_NOT_RECORDED",
            Downgrade.AUDIT_NOT_RECORDED);

    private static final Support JWT = Support.downgraded(Fidelity.WIDENED, "Cilium cannot check JWTs: requests are"
            + " allowed whatever their token (the intent's HTTP rules still apply)", "add istio to the target"
            + " (cilium+istio), or accept Downgrade.L4_ONLY", Downgrade.L4_ONLY);

    private static final Support MESH_L7 = Support.exact("HTTP rules and request conditions are left to the mesh"
            + " layer; Cilium enforces the ports");

    private CiliumCapabilities() {
    }

    static Capabilities of(Role role) {
        if (role == Role.MESH) {
            return Capabilities.builder().otherwise(Support.unsupported("Cilium is the CNI of a target, not its"
                    + " service mesh", "use istio as the mesh layer")).build();
        }
        Capabilities.Builder builder = Capabilities.builder();
        tiers(builder);
        peers(builder);
        ports(builder, role);
        http(builder, role);
        return builder
                .with(DRY_RUN, Support.unsupported("Cilium has no dry run per policy: its audit mode"
                        + " (policy-audit-mode) is per agent or per endpoint and stops enforcing everything there",
                        "generate the set without dryRun(true), or observe it on a target with a dry run"))
                .build();
    }

    private static void tiers(Capabilities.Builder builder) {
        builder.exact(INGRESS, EGRESS)
                .with(APPLICATION_ALLOW, Support.exact("except that Cilium always allows traffic from a pod's own node"
                        + " into it (allow-localhost)"))
                .with(ISOLATION, Support.exact("a policy with ingress: [{}] and/or egress: [{}]; Cilium always allows"
                        + " traffic from a pod's own node into it (allow-localhost)"))
                .with(APPLICATION_DENY, Support.exact("ingressDeny/egressDeny with enableDefaultDeny false, so that"
                        + " a deny alone does not isolate; a Cilium deny beats every allow"))
                .with(ADMIN_DENY, Support.exact("a CiliumClusterwideNetworkPolicy deny with enableDefaultDeny false:"
                        + " it beats every allow, as an admin deny does (admin allows and passes, which could come"
                        + " first, are refused)"))
                .with(ADMIN_ALLOW, Support.unsupported(NO_TIERS + "an admin allow would be one more allow, which any"
                        + " deny of the same traffic (an application deny, an admin deny of a later priority) beats,"
                        + " so traffic the guardrail should allow would be denied (narrower)", GUARDRAIL_HINT))
                .with(ADMIN_PASS, Support.unsupported(NO_TIERS + "a pass cannot exempt traffic from the admin denies"
                        + " that follow it, which Cilium applies to all traffic (narrower)", GUARDRAIL_HINT))
                .with(BASELINE_DENY, Support.unsupported(NO_TIERS + "a baseline deny would be a Cilium deny, which"
                        + " beats the application allows that should override it (narrower)", "use calico or"
                        + " kubernetes+cnp, or write it as application intents: isolate(...) the pods and allow what"
                        + " they need"))
                .with(BASELINE_ALLOW, Support.exact("nothing is written: a baseline allow decides only traffic that"
                        + " no application intent isolates, which is allowed by default anyway; it would matter only"
                        + " before a baseline deny, which this backend refuses"))
                .with(BASELINE_PASS, Support.exact("nothing is written: the traffic falls through to the default,"
                        + " allow, as a baseline pass does"))
                .with(AUDIT, APPLICATION_AUDIT, ADMIN_AUDIT, BASELINE_AUDIT);
    }

    private static void peers(Capabilities.Builder builder) {
        builder.exact(PEER_PODS, PEER_SERVICE_ACCOUNT)
                .with(SUBJECT_IN_NAMED_NAMESPACES, Support.exact("a CiliumNetworkPolicy per namespace; for a"
                        + " guardrail a CiliumClusterwideNetworkPolicy, which namespace owners cannot delete"))
                .with(SUBJECT_IN_LABELLED_NAMESPACES, Support.exact("a CiliumClusterwideNetworkPolicy selecting"
                        + " k8s:io.cilium.k8s.namespace.labels.<key>, and k8s:io.kubernetes.pod.namespace Exists so"
                        + " that it selects pods only"))
                .with(SUBJECT_IN_ALL_NAMESPACES, Support.exact("a CiliumClusterwideNetworkPolicy selecting"
                        + " k8s:io.kubernetes.pod.namespace Exists: every pod, none of Cilium's own endpoints"))
                .with(SUBJECT_SERVICE_ACCOUNT, Support.exact("k8s:io.cilium.k8s.policy.serviceaccount"))
                .with(PEER_PODS_IN_LABELLED_NAMESPACES, Support.exact("k8s:io.cilium.k8s.namespace.labels.<key>,"
                        + " with k8s:io.kubernetes.pod.namespace Exists so that no policy narrows it to its own"
                        + " namespace"))
                .with(PEER_NODES, Support.exact("allNodes() as the entities host and remote-node (hostNetwork pods"
                        + " included; in a cluster mesh remote-node also covers the other clusters' nodes); nodes"
                        + " selected by labels are refused"))
                .with(PEER_KUBE_APISERVER, Support.exact("the kube-apiserver entity (on AKS and GKE, ingress from"
                        + " the API server may arrive from node addresses)"))
                .with(PEER_WORLD, Support.exact("the world entity: addresses outside the cluster"))
                .with(PEER_ANYWHERE, Support.exact("the all entity"))
                .with(Support.exact("fromCIDRSet/toCIDRSet, which Cilium never applies to pods or nodes (default"
                        + " policy-cidr-match-mode)"), PEER_CIDR, PEER_CIDR_EXCEPT)
                .with(PEER_DNS_NAME, Support.exact("toFQDNs matchName; the set's DNS allows carry a DNS rule"
                        + " allowing every name, so that Cilium's DNS proxy learns the addresses"))
                .with(PEER_DNS_WILDCARD, Support.exact("toFQDNs matchPattern **.<domain>: one or more labels, not"
                        + " the domain itself (Cilium 1.19 or later)"));
    }

    private static void ports(Capabilities.Builder builder, Role role) {
        builder.exact(PORT_NUMBER, PORT_NAMED)
                .with(PORT_RANGE, Support.exact(role == Role.COMPLETE ? "port and endPort (with HTTP rules, Cilium 1.17"
                        + " or later)" : "port and endPort"))
                .with(PORT_ALL_OF_PROTOCOL, Support.exact(role == Role.COMPLETE ? "port 0; with HTTP rules, which"
                        + " Cilium refuses on port 0, the range 1-65535 (L7 on port ranges needs Cilium 1.17 or"
                        + " later)" : "port 0"))
                .with(PORT_ANY_TRAFFIC, Support.exact("a rule without toPorts: every protocol, ICMP included"))
                .with(PROTOCOL_SCTP, Support.exact("needs Cilium's SCTP support (sctp.enabled, beta); without it"
                        + " Cilium drops SCTP"));
    }

    private static void http(Capabilities.Builder builder, Role role) {
        if (role == Role.TRANSPORT) {
            builder.with(MESH_L7, HTTP_METHOD, HTTP_PATH_EXACT, HTTP_PATH_PREFIX, HTTP_PATH_GLOB, HTTP_HOST,
                    HTTP_HEADER, HTTP_EGRESS, REQUEST_PRINCIPAL, JWT_CLAIM);
            return;
        }
        builder.with(HTTP_METHOD, Support.exact("the escaped method as an RE2 regex"))
                .with(HTTP_PATH_EXACT, Support.exact("<path>(\\?.*)?: the escaped path, with any query string"))
                .with(HTTP_PATH_PREFIX, Support.exact("<prefix>.*"))
                .with(HTTP_PATH_GLOB, Support.exact("each inner * as [^?]*, so that it stays out of the query"
                        + " string"))
                .with(HTTP_HOST, Support.exact("(?i)<host>\\.?(:[^:]*)? on :authority, *. as [^:]+\\."))
                .with(HTTP_HEADER, Support.exact("'name' for presence, 'name value' for an exact value"))
                .with(HTTP_EGRESS, Support.exact("Cilium's proxy enforces HTTP rules at egress too"))
                .with(JWT, REQUEST_PRINCIPAL, JWT_CLAIM);
    }
}
