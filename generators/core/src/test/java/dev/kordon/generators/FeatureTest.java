package dev.kordon.generators;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.Feature.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import org.junit.jupiter.api.Test;

class FeatureTest {

    private static final Workload WEB = workload("shop", "web", labels("app", "web")).withServiceAccount("web");
    private static final Workload API = workload("shop", "api", labels("app", "api"));

    private static java.util.Set<Feature> features(Intent intent) {
        PolicySet set = policySet("shop").intents(intent).build();
        return Feature.of(set, set.intents().get(0));
    }

    @Test
    void an_l4_allow_between_workloads() {
        assertThat(features(allow(WEB).to(API).on(tcp(80)))).containsExactly(APPLICATION_ALLOW, INGRESS, EGRESS,
                SUBJECT_IN_NAMED_NAMESPACES, PEER_PODS, PORT_NUMBER);
    }

    @Test
    void an_http_intent_to_the_world_at_egress() {
        assertThat(features(allow(WEB).to(world(), dnsName("*.example.com")).on(tcp(443), tcpRange(1, 9))
                .requests(GET("/a/*/b").withHost("x.example").withHeader("h"))))
                .containsExactly(APPLICATION_ALLOW, EGRESS, SUBJECT_IN_NAMED_NAMESPACES, PEER_PODS, PEER_WORLD,
                        PEER_DNS_WILDCARD, PORT_NUMBER, PORT_RANGE, HTTP_METHOD, HTTP_PATH_GLOB,
                        HTTP_HOST, HTTP_HEADER, HTTP_EGRESS);
    }

    @Test
    void a_guardrail_with_a_labelled_subject() {
        assertThat(features(guardrail("g").baseline(5).pass().egressFrom(namespaces(labels("t", "a")))
                .to(cidr("10.0.0.0/8").except("10.1.0.0/16")).on(anyTraffic())))
                .containsExactly(BASELINE_PASS, EGRESS, SUBJECT_IN_LABELLED_NAMESPACES,
                        PEER_PODS_IN_LABELLED_NAMESPACES, PEER_CIDR_EXCEPT, PORT_ANY_TRAFFIC);
    }

    @Test
    void isolation_of_everything_in_dry_run() {
        PolicySet set = policySet("shop").dryRun(true).intents(isolate(allPods()).ingressAndEgress()).build();
        assertThat(Feature.of(set, set.intents().get(0))).containsExactly(ISOLATION, INGRESS, EGRESS,
                SUBJECT_IN_ALL_NAMESPACES, DRY_RUN);
    }

    @Test
    void request_conditions_and_service_accounts() {
        assertThat(features(API.accepts(GET("/x")).from(serviceAccount(WEB)).on(tcp(80))
                .when(anyRequestPrincipal(), jwtClaim("role").anyOf("a"))))
                .contains(PEER_SERVICE_ACCOUNT, HTTP_PATH_EXACT, REQUEST_PRINCIPAL, JWT_CLAIM)
                .doesNotContain(HTTP_EGRESS);
    }
}
