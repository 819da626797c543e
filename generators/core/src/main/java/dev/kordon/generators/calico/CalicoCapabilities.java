package dev.kordon.generators.calico;

import static dev.kordon.generators.Feature.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;

/** What Calico {@code projectcalico.org/v3} policy in Kordon's tiers can express (backends.md §3), per role. */
final class CalicoCapabilities {

    private static final String NO_ALP = "Calico enforces HTTP only with Application Layer Policy (Istio sidecars with"
            + " the Dikastes check); without it Felix ignores the http clause and the rule matches every request on"
            + " the intent's ports (wider)";

    private static final String L7_HINT = "use calico+istio, or accept Downgrade.L4_ONLY (the http clause is still"
            + " written for clusters that enable Application Layer Policy)";

    private static final String MESH = "left to the mesh layer; Calico enforces the intent's peers and ports";

    private static final Support WORLD = Support.widerMatch("the world is matched as nets 0.0.0.0/0"
            + " and ::/0, which also match pods and nodes", "use cilium, or name the outside addresses with"
            + " cidr(...), or accept Downgrade.WORLD_AS_ALL_ADDRESSES", Downgrade.WORLD_AS_ALL_ADDRESSES);

    private CalicoCapabilities() {
    }

    static Capabilities of(Role role) {
        return Capabilities.builder()
                .exact(APPLICATION_ALLOW, APPLICATION_DENY, ADMIN_ALLOW, ADMIN_DENY, ADMIN_PASS, BASELINE_ALLOW,
                        BASELINE_DENY, BASELINE_PASS, INGRESS, EGRESS, SUBJECT_IN_NAMED_NAMESPACES,
                        SUBJECT_IN_LABELLED_NAMESPACES, SUBJECT_IN_ALL_NAMESPACES, SUBJECT_SERVICE_ACCOUNT, PEER_PODS,
                        PEER_PODS_IN_LABELLED_NAMESPACES, PEER_SERVICE_ACCOUNT, PEER_ANYWHERE, PEER_CIDR,
                        PEER_CIDR_EXCEPT, PORT_NUMBER, PORT_RANGE, PORT_NAMED, PORT_ALL_OF_PROTOCOL, PROTOCOL_SCTP)
                .with(ISOLATION, Support.exact("a policy without rules in the application tier, whose default"
                        + " action is Deny"))
                .with(PORT_ANY_TRAFFIC, Support.exact("a rule without protocol: every IP protocol, ICMP included"))
                .with(Support.exact("a Log rule, half a priority step before the decisions, after which evaluation"
                        + " continues"), APPLICATION_AUDIT, ADMIN_AUDIT, BASELINE_AUDIT)
                .with(PEER_WORLD, WORLD)
                .with(PEER_NODES, Support.unsupported("Calico selects nodes only through host endpoints, which exist"
                        + " only where they are configured; other node traffic would not be matched",
                        "name the node addresses with cidr(...), or use cilium"))
                .with(PEER_KUBE_APISERVER, Support.unsupported("Calico has no API-server peer; matching the endpoints"
                        + " of Service default/kubernetes would replace the intent's ports by the endpoints' ports on"
                        + " egress and miss control planes that reach pods from other addresses",
                        "name the API server's addresses with cidr(...), or use cilium"))
                .with(Support.unsupported("Calico Open Source cannot match DNS names", "use cilium, or name the"
                        + " addresses with cidr(...)"), PEER_DNS_NAME, PEER_DNS_WILDCARD)
                .with(DRY_RUN, Support.exact("written as StagedNetworkPolicy and StagedGlobalNetworkPolicy (Calico 3.30"
                        + " or later): evaluated and reported in flow logs, never enforced"))
                .with(HTTP_METHOD, l7(role, NO_ALP + "; methods are written as http.methods"))
                .with(HTTP_PATH_EXACT, l7(role, NO_ALP + "; exact paths are written as http.paths.exact, compared"
                        + " after path normalisation since Calico 3.31.7"))
                .with(HTTP_PATH_PREFIX, l7(role, NO_ALP + "; prefixes are written as http.paths.prefix, which since"
                        + " Calico 3.31.7 matches whole path segments only: '/api/*' also matches '/api', and a prefix"
                        + " that does not end with '/' is written as its leading whole segments ('/pub*' as '/')"))
                .with(HTTP_PATH_GLOB, l7(role, "Calico cannot express a '*' inside a path: it is written as the"
                        + " prefix of its leading whole segments ('/api/*/orders' as '/api/'), and " + NO_ALP))
                .with(HTTP_HOST, l7(role, "Calico's http match has no host: requests for every host match, and "
                        + NO_ALP))
                .with(HTTP_HEADER, l7(role, "Calico's http match has no header: requests with any headers match,"
                        + " and " + NO_ALP))
                .with(HTTP_EGRESS, l7(role, "Calico rejects HTTP match in egress rules: the egress side allows every"
                        + " request on the intent's ports (wider)"))
                .with(REQUEST_PRINCIPAL, l7(role, "Calico cannot match JWT request principals: requests from any"
                        + " caller on the intent's ports match (wider)"))
                .with(JWT_CLAIM, l7(role, "Calico cannot match JWT claims: requests with any claims on the intent's"
                        + " ports match (wider)"))
                .build();
    }

    private static Support l7(Role role, String reason) {
        return role == Role.TRANSPORT ? Support.exact("HTTP rules and request conditions are " + MESH)
                : Support.downgraded(Fidelity.WIDENED, reason, L7_HINT, Downgrade.L4_ONLY);
    }
}
