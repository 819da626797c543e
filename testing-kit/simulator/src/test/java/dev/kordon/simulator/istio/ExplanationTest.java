package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The chain a user reads when a probe fails: every step, and the nearest rule with what differed. */
class ExplanationTest {

    private static Pod pod(String namespace, String name, String ip, String app) {
        return new Pod(namespace, name, new TreeMap<>(Map.of("app", app)), ip, List.of(), name, false, "", "",
                Map.of());
    }

    @Test
    void a_denial_by_default_names_the_policies_and_the_nearest_rule() {
        // given
        Pod web = pod("shop", "web", "10.0.0.1", "web");
        Pod api = pod("shop", "api", "10.0.0.2", "api");
        Cluster cluster = new Cluster(List.of(), List.of(), List.of(web, api), List.of());
        Problems problems = new Problems();
        var engine = new IstioEngineFactory().create(cluster, new ManifestReader().read("p.yaml",
                Policies.onApi("reads", """
                        rules:
                        - from: [{source: {principals: [cluster.local/ns/shop/sa/frontend]}}]
                          to: [{operation: {methods: [GET], paths: ['/items*']}}]
                        - to: [{operation: {ports: ['9090']}}]""")
                        + "---\n" + Policies.onApi("writes", """
                        rules:
                        - from: [{source: {principals: [cluster.local/ns/shop/sa/admin]}}]
                          to: [{operation: {methods: [POST]}}]"""), problems),
                EnforcementProfile.of(EnforcementProfile.Cni.GENERIC, EnforcementProfile.Mesh.ISTIO), problems);
        problems.throwIfAny();
        Simulator simulator = Simulator.of(cluster, EnforcementProfile.of(EnforcementProfile.Cni.GENERIC,
                EnforcementProfile.Mesh.ISTIO), new NotEnforcedCni(), Optional.of(engine));

        // when
        var verdict = simulator.decide(Flow.of(new Endpoint.OfPod(web), new Endpoint.OfPod(api), Transport.TCP, 8080)
                .withHttp(new HttpRequest("GET", "/items/7", "", Map.of(), Optional.empty())));

        // then
        assertThat(verdict.explain()).isEqualTo("""
                shop/web -> shop/api TCP/8080 GET /items/7: denied
                  [cni egress] not enforced - test double: no NetworkPolicy
                  [cni ingress] not enforced - test double: no NetworkPolicy
                  [istio mesh mTLS] sent - shop/web's sidecar sends Istio mTLS as cluster.local/ns/shop/sa/web: auto\
                 mTLS for the Services of shop (no DestinationRule sets its TLS)
                  [istio mesh mTLS] accept - shop/api port 8080 is PERMISSIVE (no PeerAuthentication sets a mode:\
                 PERMISSIVE by default): accepted with peer identity cluster.local/ns/shop/sa/web
                  [istio mesh ALLOW] deny - ALLOW policies apply to shop/api (AuthorizationPolicy shop/reads,\
                 AuthorizationPolicy shop/writes) and none of their rules matches; nearest: rule 0 of\
                 AuthorizationPolicy shop/reads: methods [GET] matches method GET; paths [/items*] matches path\
                 /items/7; but principals [cluster.local/ns/shop/sa/frontend] vs peer cluster.local/ns/shop/sa/web""");
    }
}
