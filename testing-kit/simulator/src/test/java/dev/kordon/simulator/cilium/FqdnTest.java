package dev.kordon.simulator.cilium;

import static dev.kordon.simulator.cilium.CiliumFixture.decide;
import static dev.kordon.simulator.cilium.CiliumFixture.http;
import static dev.kordon.simulator.cilium.CiliumFixture.last;
import static dev.kordon.simulator.cilium.CiliumFixture.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FqdnTest {

    private static Simulator fqdnPolicy(String fqdn, String dnsRule) {
        return simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: client}}
                  egress:
                  - toFQDNs: [%s]
                    toPorts: [{ports: [{port: "443", protocol: TCP}]}]
                  - toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}}]
                    toPorts:
                    - ports: [{port: "53", protocol: ANY}]
                      %s
                """.formatted(fqdn, dnsRule));
    }

    @Test
    void admits_a_looked_up_name_when_the_lookup_goes_through_the_dns_proxy() {
        // given
        Simulator simulator = fqdnPolicy("{matchName: api.github.com}", "rules: {dns: [{matchPattern: '*'}]}");
        // then
        assertThat(decide(simulator, "shop/client", "fqdn:api.github.com", Transport.TCP, 443).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "fqdn:github.com", Transport.TCP, 443).allowed()).isFalse();
        assertThat(decide(simulator, "shop/client", "fqdn:api.github.com", Transport.TCP, 80).allowed()).isFalse();
    }

    @Test
    void learns_nothing_when_dns_is_allowed_without_dns_rules() {
        // given
        Simulator simulator = fqdnPolicy("{matchName: api.github.com}", "");
        // when
        String reason = last(decide(simulator, "shop/client", "fqdn:api.github.com", Transport.TCP, 443), "egress");
        // then
        assertThat(reason).contains("peer differs (toFQDNs[0] matchName api.github.com matches the name"
                + " api.github.com, but shop/client's lookup of api.github.com (UDP/53 to kube-system/coredns) is"
                + " allowed without rules.dns, so Cilium's DNS proxy never sees the answer and nothing is learned)");
    }

    @Test
    void learns_nothing_when_the_dns_proxy_refuses_the_name() {
        // given
        Simulator simulator = fqdnPolicy("{matchPattern: '*.github.com'}",
                "rules: {dns: [{matchName: api.github.com}]}");
        // then
        assertThat(decide(simulator, "shop/client", "fqdn:api.github.com", Transport.TCP, 443).allowed()).isTrue();
        assertThat(decide(simulator, "shop/client", "fqdn:www.github.com", Transport.TCP, 443).allowed()).isFalse();
    }

    @Test
    void a_dns_probe_without_a_name_passes_only_a_proxy_that_answers_every_name() {
        // given
        Simulator every = fqdnPolicy("{matchName: api.github.com}", "rules: {dns: [{matchPattern: '*'}]}");
        Simulator some = fqdnPolicy("{matchName: api.github.com}", "rules: {dns: [{matchName: api.github.com}]}");
        // then
        assertThat(decide(every, "shop/client", "kube-system/coredns", Transport.UDP, 53).allowed()).isTrue();
        assertThat(decide(some, "shop/client", "kube-system/coredns", Transport.UDP, 53).allowed()).isFalse();
    }

    @Test
    void a_dns_name_rule_never_matches_an_address_reached_without_a_lookup() {
        // given
        Simulator simulator = fqdnPolicy("{matchPattern: '*'}", "rules: {dns: [{matchPattern: '*'}]}");
        // then
        assertThat(decide(simulator, "shop/client", "ip:140.82.112.5", Transport.TCP, 443).allowed()).isFalse();
    }

    @Test
    void http_rules_on_a_dns_name_apply_to_its_looked_up_addresses() {
        // given
        Simulator simulator = simulator("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: web-egress, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: client}}
                  egress:
                  - toFQDNs: [{matchName: one.one.one.one}]
                    toPorts:
                    - ports: [{port: "80", protocol: TCP}]
                      rules: {http: [{method: GET, path: /$}]}
                ---
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: dns}
                spec:
                  endpointSelector: {}
                  egress:
                  - toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}}]
                    toPorts:
                    - ports: [{port: "53", protocol: UDP}]
                      rules: {dns: [{matchPattern: '*'}]}
                """);
        // then
        assertThat(http(simulator, "shop/client", "fqdn:one.one.one.one", 80, "GET", "/", Map.of()).allowed())
                .isTrue();
        assertThat(http(simulator, "shop/client", "fqdn:one.one.one.one", 80, "GET", "/x", Map.of()).allowed())
                .isFalse();
    }
}
