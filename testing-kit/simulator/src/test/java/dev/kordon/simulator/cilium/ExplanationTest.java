package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.http;
import static dev.kordon.simulator.cilium.CiliumFixture.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    private static final Simulator SIMULATOR = simulator("""
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app: web}}
              ingress:
              - fromEndpoints: [{matchLabels: {app: frontend}}]
                toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
              - fromEndpoints: [{matchLabels: {app: client}}]
                toPorts:
                - ports: [{port: http, protocol: TCP}]
                  rules: {http: [{method: GET, path: /public}]}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: client, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app: client}}
              egress:
              - toEndpoints: [{matchLabels: {app: web}}]
              egressDeny:
              - toEntities: [world]
            """);

    @Test
    void explains_an_allowed_http_request_step_by_step() {
        // when
        String explanation = http(SIMULATOR, "shop/client", "shop/web", 8080, "GET", "/public", Map.of()).explain();
        // then
        assertThat(explanation).isEqualTo("""
                shop/client -> shop/web TCP/8080 GET /public: allowed
                  [cilium egress] selected - shop/client is selected for egress by CiliumNetworkPolicy shop/client\
                 (spec.egress[0], spec.egressDeny[0])
                  [cilium egress] CiliumNetworkPolicy shop/client rule 0: allow - spec.egress[0] of\
                 CiliumNetworkPolicy shop/client matches: toEndpoints[0] {app=web, k8s:io.kubernetes.pod.namespace=shop\
                 (added by Cilium)} matches shop/web; every port and protocol
                  [cilium ingress] selected - shop/web is selected for ingress by CiliumNetworkPolicy shop/web\
                 (spec.ingress[0], spec.ingress[1])
                  [cilium ingress] CiliumNetworkPolicy shop/web rule 1: allow - L4 allowed: spec.ingress[1] of\
                 CiliumNetworkPolicy shop/web matches: fromEndpoints[0] {app=client, k8s:io.kubernetes.pod.namespace=shop\
                 (added by Cilium)} matches shop/client; TCP/8080 matches toPorts[0].ports[0] TCP/http (8080 on\
                 shop/web); L7 allowed: toPorts[0].rules.http[0] (method GET, path /public) matches GET /public""");
    }

    @Test
    void explains_a_default_deny_with_the_nearest_rule_and_the_namespace_that_differs() {
        // when
        String explanation = decide(SIMULATOR, "other/client", "shop/web", Transport.TCP, 8080).explain();
        // then
        assertThat(explanation).isEqualTo("""
                other/client -> shop/web TCP/8080: denied
                  [cilium egress] allow - no policy selects other/client for egress: not enforced, allowed
                  [cilium ingress] selected - shop/web is selected for ingress by CiliumNetworkPolicy shop/web\
                 (spec.ingress[0], spec.ingress[1])
                  [cilium ingress] deny - default deny: shop/web is in ingress default deny (CiliumNetworkPolicy\
                 shop/web) and no rule allows TCP/8080 from other/client; nearest rule: spec.ingress[1] of\
                 CiliumNetworkPolicy shop/web: peer differs (fromEndpoints[0] requires\
                 k8s:io.kubernetes.pod.namespace=shop (added by Cilium: a CiliumNetworkPolicy peer without a namespace\
                 selects its own namespace), other/client has k8s:io.kubernetes.pod.namespace=other), port matches\
                 (TCP/8080 matches toPorts[0].ports[0] TCP/http (8080 on shop/web))""");
    }

    @Test
    void explains_a_deny_rule() {
        // when
        String explanation = decide(SIMULATOR, "shop/client", "ip:8.8.8.8", Transport.UDP, 53).explain();
        // then
        assertThat(explanation).isEqualTo("""
                shop/client -> ip:8.8.8.8 UDP/53: denied
                  [cilium egress] selected - shop/client is selected for egress by CiliumNetworkPolicy shop/client\
                 (spec.egress[0], spec.egressDeny[0])
                  [cilium egress] CiliumNetworkPolicy shop/client rule 0: deny - spec.egressDeny[0] matches:\
                 toEntities[0] world matches world (8.8.8.8); every port and protocol: a deny rule takes precedence\
                 over every allow rule
                  [cilium ingress] not enforced - ip:8.8.8.8 is outside the cluster: Cilium enforces nothing there""");
    }
}
