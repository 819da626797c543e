package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.input.InputProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict reading: every problem of every manifest, each with its file, object, field, message and fix. */
class ParseProblemsTest {

    private final MeshFixture mesh = MeshFixture.cluster().pod("shop/api", "10.0.0.2", "app=api");

    private List<String> problems(String yaml) {
        return mesh.problems(yaml).stream().map(InputProblem::toString).toList();
    }

    @Test
    void reports_every_problem_of_an_authorization_policy() {
        assertThat(problems("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  selectr: {matchLabels: {app: api}}
                  action: REJECT
                  rules:
                  - from: []
                    to: [{operation: {ports: [8080], paths: ['/a/{*}x']}}]
                  - from: [{source: {principals: [a], serviceAccounts: [b], ipBlocks: [10.0.0.300]}}]
                    when: [{key: request.headers, values: [x]}, {key: source.ip}]
                """)).containsExactly(
                "policies.yaml: AuthorizationPolicy shop/p: spec.selectr: is not a field of AuthorizationPolicy spec\n"
                        + "  fix: remove it or fix its spelling; known fields: action, provider, rules, selector,"
                        + " targetRef, targetRefs",
                "policies.yaml: AuthorizationPolicy shop/p: spec.action: is not an action: 'REJECT'\n"
                        + "  fix: use ALLOW, DENY, AUDIT or CUSTOM",
                "policies.yaml: AuthorizationPolicy shop/p: spec.rules[0].from: is an empty list\n"
                        + "  fix: remove it to match any source, or list at least one",
                "policies.yaml: AuthorizationPolicy shop/p: spec.rules[0].to[0].operation.ports[0]: is not a string:"
                        + " 8080\n  fix: quote it, e.g. \"8080\"",
                "policies.yaml: AuthorizationPolicy shop/p: spec.rules[0].to[0].operation.paths[0]: is not a valid"
                        + " path template: /a/{*}x (segment '{*}x' is not supported in a path template: use whole"
                        + " segments {*} (one segment) or {**} (zero or more, last), other segments literal)\n"
                        + "  fix: use {*} for one segment and a final {**} for any number of segments",
                "policies.yaml: AuthorizationPolicy shop/p: spec.rules[1].from[0].source.ipBlocks[0]: is not an IP"
                        + " address or CIDR: 10.0.0.300\n  fix: write e.g. 10.0.0.1 or 10.0.0.0/16",
                "policies.yaml: AuthorizationPolicy shop/p: spec.rules[1].from[0].source: sets serviceAccounts with"
                        + " principals or namespaces\n  fix: use one of them per source",
                "policies.yaml: AuthorizationPolicy shop/p: spec.rules[1].when[0].key: is not"
                        + " request.headers[<name>]: request.headers\n  fix: write e.g. request.headers[x-token]",
                "policies.yaml: AuthorizationPolicy shop/p: spec.rules[1].when[1]: has neither values nor notValues\n"
                        + "  fix: give at least one of them");
    }

    @Test
    void reports_what_custom_policies_and_providers_cannot_do() {
        assertThat(problems("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: q, namespace: shop, annotations: {istio.io/dry-run: "maybe"}}
                spec:
                  action: CUSTOM
                  rules: [{from: [{source: {namespaces: [x]}}]}]
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: r, namespace: shop}
                spec:
                  provider: {name: opa}
                  rules: [{to: [{operation: {}}]}]
                """)).containsExactly(
                "policies.yaml: AuthorizationPolicy shop/q: spec.provider: is missing: a CUSTOM policy names its"
                        + " extension provider\n  fix: give provider.name, an extensionProvider of the MeshConfig",
                "policies.yaml: AuthorizationPolicy shop/q: spec.rules[0].from[0].source.namespaces:"
                        + " namespaces/notNamespaces is not supported with the CUSTOM action\n  fix: match on ports,"
                        + " hosts, paths, methods, addresses or headers in a CUSTOM policy",
                "policies.yaml: AuthorizationPolicy shop/q: metadata.annotations.istio.io/dry-run: is not a boolean:"
                        + " 'maybe'\n  fix: write \"true\" or \"false\"",
                "policies.yaml: AuthorizationPolicy shop/r: spec.provider: is set, but only CUSTOM policies have a"
                        + " provider (this one is ALLOW)\n  fix: remove it, or make the action CUSTOM",
                "policies.yaml: AuthorizationPolicy shop/r: spec.rules[0].to[0].operation: is empty\n"
                        + "  fix: give at least one field, or remove the operation");
    }

    @Test
    void reports_what_the_simulator_does_not_model() {
        assertThat(problems("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: r, namespace: shop}
                spec:
                  targetRefs: [{kind: Service, group: "", name: api}]
                  rules:
                  - from: [{source: {trustDomains: [td]}}]
                    when: [{key: 'experimental.envoy.filters.x', values: [z]}]
                """)).containsExactly(
                "policies.yaml: AuthorizationPolicy shop/r: spec.targetRefs[0]: targets Service api; the simulator"
                        + " models sidecars and Gateway API gateways, not waypoint proxies (ambient) or gateway"
                        + " classes\n  fix: target a Gateway (group gateway.networking.k8s.io) or select the"
                        + " workloads with a selector",
                "policies.yaml: AuthorizationPolicy shop/r: spec.rules[0].from[0].source.trustDomains: is not"
                        + " supported by the simulator (an extended-channel field)\n  fix: match the trust domain"
                        + " with principals, e.g. td/ns/x/sa/y",
                "policies.yaml: AuthorizationPolicy shop/r: spec.rules[0].when[0].key: is not"
                        + " experimental.envoy.filters.<filter>[<key>]: experimental.envoy.filters.x\n"
                        + "  fix: write e.g. experimental.envoy.filters.network.mysql_proxy[db.table]");
    }

    @Test
    void reports_problems_of_peer_and_request_authentication() {
        assertThat(problems("""
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: pa, namespace: shop}
                spec:
                  mtls: {mode: STRCT}
                  portLevelMtls: {"80": {mode: STRICT}}
                ---
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata: {name: ra, namespace: shop}
                spec:
                  jwtRules: [{jwksUri: 'ftp://x', fromHeaders: [{name: Authorization, prefix: 'Token '}]}]
                """)).containsExactly(
                "policies.yaml: PeerAuthentication shop/pa: spec.mtls.mode: is not an mTLS mode: 'STRCT'\n"
                        + "  fix: use UNSET, DISABLE, PERMISSIVE or STRICT",
                "policies.yaml: PeerAuthentication shop/pa: spec.portLevelMtls: is set on a namespace- or mesh-wide"
                        + " policy\n  fix: select workloads with spec.selector to set port-level modes",
                "policies.yaml: RequestAuthentication shop/ra: spec.jwtRules[0].issuer: is missing; a rule without an"
                        + " issuer accepts tokens of any issuer signed by its keys, which the simulator cannot tell\n"
                        + "  fix: name the issuer of the tokens",
                "policies.yaml: RequestAuthentication shop/ra: spec.jwtRules[0].jwksUri: is not an http or https URI:"
                        + " ftp://x\n  fix: fix the URI",
                "policies.yaml: RequestAuthentication shop/ra: spec.jwtRules[0].fromHeaders[0].prefix: is 'Token ';"
                        + " the simulator models tokens sent as 'Authorization: Bearer <token>' only\n"
                        + "  fix: use the prefix \"Bearer \"");
    }

    @Test
    void reports_problems_of_a_destination_rule() {
        assertThat(problems("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: dr, namespace: shop}
                spec:
                  host: 'a*b'
                  trafficPolicy: {tls: {mode: STRICT}, loadBalancer: {simple: ROUND_ROBIN}, retries: 3}
                """)).containsExactly(
                "policies.yaml: DestinationRule shop/dr: spec.host: has a wildcard that is not a leading '*.': a*b\n"
                        + "  fix: write e.g. *.ns.svc.cluster.local",
                "policies.yaml: DestinationRule shop/dr: spec.trafficPolicy.retries: is not a field of"
                        + " DestinationRule spec.trafficPolicy\n  fix: remove it or fix its spelling; known fields:"
                        + " connectionPool, loadBalancer, outlierDetection, portLevelSettings, proxyProtocol,"
                        + " retryBudget, tls, tunnel",
                "policies.yaml: DestinationRule shop/dr: spec.trafficPolicy.tls.mode: is not a TLS mode: 'STRICT'\n"
                        + "  fix: use DISABLE, SIMPLE, MUTUAL or ISTIO_MUTUAL");
    }

    @Test
    void reads_valid_manifests_without_problems() {
        assertThat(problems(Policies.onApi("ok", """
                action: DENY
                rules:
                - from: [{source: {namespaces: [other], notIpBlocks: [10.0.0.0/8]}}]
                  to: [{operation: {ports: ['8080'], paths: ['/api/{*}/items/{**}'], methods: [GET]}}]
                  when: [{key: 'request.auth.claims[org][team]', values: [payments]}]"""))).isEmpty();
    }
}
