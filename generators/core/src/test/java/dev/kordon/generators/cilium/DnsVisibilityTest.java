package dev.kordon.generators.cilium;

import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Workload;
import org.junit.jupiter.api.Test;

/** Which DNS allows are enforced at every pod of a peer that egresses to DNS names. */
class DnsVisibilityTest {

    private static final Workload WEB = workload("shop", "web", labels("app", "web")).withServiceAccount("web");

    @Test
    void a_namespace_contains_its_workloads_and_service_accounts_but_not_other_namespaces() {
        assertThat(DnsVisibility.contains(namespace("shop"), WEB)).isTrue();
        assertThat(DnsVisibility.contains(namespace("shop"), serviceAccount(WEB))).isTrue();
        assertThat(DnsVisibility.contains(pods(inNamespace("shop", "ops"), labels("app", "web")), WEB)).isTrue();
        assertThat(DnsVisibility.contains(namespace("ops"), WEB)).isFalse();
    }

    @Test
    void a_selector_contains_only_pods_it_is_known_to_select() {
        assertThat(DnsVisibility.contains(pods(inNamespace("shop"), labels("app", "web")), WEB)).isTrue();
        assertThat(DnsVisibility.contains(pods(inNamespace("shop"), labels("tier", "web")), WEB)).isFalse();
        assertThat(DnsVisibility.contains(WEB, namespace("shop"))).isFalse();
        assertThat(DnsVisibility.contains(serviceAccount(WEB), WEB)).isFalse();
        assertThat(DnsVisibility.contains(namespaces(labels("team", "a")), WEB)).isFalse();
    }

    @Test
    void every_pod_contains_every_pod_peer() {
        assertThat(DnsVisibility.contains(allPods(), namespaces(labels("team", "a")))).isTrue();
        assertThat(DnsVisibility.contains(allPods(), serviceAccount(WEB))).isTrue();
    }

    @Test
    void only_an_application_allow_at_egress_on_an_exact_port_53_without_http_can_carry_a_dns_rule() {
        assertThat(DnsVisibility.isDnsAllow(allowDns(WEB))).isTrue();
        assertThat(DnsVisibility.isDnsAllow(allow(WEB).to(KUBE_DNS).on(udpRange(53, 54)).onlyEgress())).isFalse();
        assertThat(DnsVisibility.isDnsAllow(allow(WEB).to(KUBE_DNS).on(udp(53), anyTraffic()).onlyEgress()))
                .isFalse();
        assertThat(DnsVisibility.isDnsAllow(allow(WEB).to(KUBE_DNS).on(udp(53)).onlyIngress())).isFalse();
        assertThat(DnsVisibility.isDnsAllow(deny(WEB).to(KUBE_DNS).on(udp(53)))).isFalse();
    }
}
