package dev.kordon.simulator.reference;

import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.Verdict;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReferenceSemanticsTest {

    static final Workload A = workload("ns", "a", labels("app", "a")).withServiceAccount("a")
            .withPort("http", tcp(8080));
    static final Workload B = workload("ns", "b", labels("app", "b")).withServiceAccount("b")
            .withPort("http", tcp(8080));

    private static Verdict decide(PolicySet set, Flow flow) {
        return ReferenceSemantics.of(cluster(set), set).decide(flow);
    }

    private static Cluster cluster(PolicySet set) {
        return ProbeGrid.clusterOf(List.of(set));
    }

    private static Endpoint pod(PolicySet set, String id) {
        return new Endpoint.OfPod(cluster(set).pod(id).orElseThrow());
    }

    private static Flow flow(PolicySet set, String from, String to, int port) {
        return Flow.of(pod(set, from), pod(set, to), Transport.TCP, port);
    }

    @Test
    void anAllowIsolatesAndAdmitsOnlyWhatItNames() {
        PolicySet set = policySet("s").intents(allow(A).to(B).on(tcp("http"))).build();
        assertThat(decide(set, flow(set, "ns/a", "ns/b", 8080)).allowed()).isTrue();
        Verdict other = decide(set, flow(set, "ns/a", "ns/b", 9090));
        assertThat(other.allowed()).isFalse();
        assertThat(other.explain()).contains("ns/a is isolated for egress by allow-a-to-b and no allow admits");
        assertThat(decide(set, flow(set, "ns/b", "ns/a", 8080)).allowed()).isTrue();
    }

    @Test
    void aDenyBeatsAnAllowAndDoesNotIsolate() {
        PolicySet set = policySet("s").intents(allow(A).to(B).on(allTcpPorts()), deny(A).to(B).on(tcp(9090)),
                deny(B).to(A).on(tcp(9090))).build();
        assertThat(decide(set, flow(set, "ns/a", "ns/b", 8080)).allowed()).isTrue();
        Verdict denied = decide(set, flow(set, "ns/a", "ns/b", 9090));
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.steps()).anyMatch(step -> step.resource().equals("deny-a-to-b")
                && step.layer().equals("intent") && step.tier().equals("application"));
        assertThat(decide(set, flow(set, "ns/b", "ns/a", 8080)).allowed()).isTrue();
    }

    @Test
    void adminDecidesFirstPassGoesOnAndBaselineIsOverriddenByIsolation() {
        PolicySet set = policySet("s").intents(
                guardrail("pass-a").admin(1).pass().ingressTo(allPods()).from(A).on(tcp(22)),
                guardrail("deny-ssh").admin(2).deny().ingressTo(allPods()).from(anywhere()).on(tcp(22)),
                guardrail("watch").admin(0).audit().ingressTo(allPods()).from(anywhere()).on(anyTraffic()),
                guardrail("baseline-deny").baseline(5).deny().ingressTo(allPods()).from(allPods()).on(anyTraffic()),
                allow(B).to(A).on(tcp(22)).onlyIngress()).build();
        assertThat(decide(set, flow(set, "ns/a", "ns/b", 22)).allowed()).as("passed, then baseline denies").isFalse();
        assertThat(decide(set, flow(set, "ns/b", "ns/a", 22)).allowed()).as("admin deny").isFalse();
        assertThat(decide(set, flow(set, "ns/b", "ns/a", 8080)).allowed()).as("a is isolated").isFalse();
        assertThat(decide(set, flow(set, "ns/a", "ns/b", 8080)).explain()).contains("baseline-deny");
        assertThat(decide(set, flow(set, "ns/a", "ns/b", 8080)).explain()).contains("watch");
    }

    @Test
    void httpRulesAndConditionsNarrowAnAllow() {
        PolicySet set = policySet("s").intents(B.accepts(GET("/api/*")).from(A).on(tcp(8080))
                .when(requestPrincipal("https://issuer/*"), jwtClaim("roles").anyOf("admin"))).build();
        Flow plain = flow(set, "ns/a", "ns/b", 8080);
        HttpRequest.Jwt jwt = new HttpRequest.Jwt("https://issuer", "alice", Map.of("roles", List.of("admin")));
        assertThat(decide(set, plain).allowed()).isFalse();
        assertThat(decide(set, plain.withHttp(new HttpRequest("GET", "/api/x", "", Map.of(), Optional.of(jwt))))
                .allowed()).isTrue();
        assertThat(decide(set, plain.withHttp(new HttpRequest("POST", "/api/x", "", Map.of(), Optional.of(jwt))))
                .allowed()).isFalse();
        assertThat(decide(set, plain.withHttp(new HttpRequest("GET", "/api/x", "", Map.of(), Optional.empty())))
                .allowed()).isFalse();
        HttpRequest.Jwt user = new HttpRequest.Jwt("https://issuer", "bob", Map.of("roles", "user"));
        assertThat(decide(set, plain.withHttp(new HttpRequest("GET", "/api/x", "", Map.of(), Optional.of(user))))
                .allowed()).isFalse();
    }

    @Test
    void externalPeersByAddressAndName() {
        PolicySet set = policySet("s").workloads(B).intents(allow(A).to(dnsName("*.example.com"), cidr("10.254.0.0/16"))
                .on(tcp(443)).onlyEgress()).build();
        Endpoint a = pod(set, "ns/a");
        assertThat(decide(set, Flow.of(a, new Endpoint.External("1.2.3.4", "api.example.com"), Transport.TCP, 443))
                .allowed()).isTrue();
        assertThat(decide(set, Flow.of(a, new Endpoint.External("1.2.3.4", "example.com"), Transport.TCP, 443))
                .allowed()).isFalse();
        assertThat(decide(set, Flow.of(a, pod(set, "ns/b"), Transport.TCP, 443)).allowed())
                .as("a CIDR matches pod addresses in it").isTrue();
        assertThat(ReferenceSemantics.principalMatches("*", "i", "s")).isTrue();
        assertThat(ReferenceSemantics.principalMatches("https://i/*-admin", "https://i", "x-admin")).isTrue();
    }

    @Test
    void nodesMatchTheNodeAHostNetworkPodRunsOnAndAddressesOfNodes() {
        // given: an infra node, a host-network agent on it, and b admitting ingress from infra nodes only
        PolicySet set = policySet("s").workloads(A).intents(allow(nodes(labels("role", "infra"))).to(B)
                .on(tcp(8080))).build();
        Cluster workloads = cluster(set);
        Node infra = new Node("infra-1", new TreeMap<>(Map.of("role", "infra")), "192.168.0.10", false);
        Node other = new Node("worker-1", new TreeMap<>(), "192.168.0.11", false);
        Pod agent = new Pod("ns", "agent", new TreeMap<>(Map.of("app", "agent")), "192.168.0.10", List.of(), "default", true,
                "infra-1", "", Map.of());
        Pod onWorker = new Pod("ns", "agent-2", new TreeMap<>(Map.of("app", "agent")), "192.168.0.11", List.of(), "default", true,
                "worker-1", "", Map.of());
        List<Pod> pods = new java.util.ArrayList<>(workloads.pods());
        pods.addAll(List.of(agent, onWorker));
        Cluster cluster = new Cluster(workloads.namespaces(), List.of(infra, other), pods, List.of());
        ReferenceSemantics semantics = ReferenceSemantics.of(cluster, set);
        Endpoint b = new Endpoint.OfPod(cluster.pod("ns/b").orElseThrow());

        // then
        assertThat(semantics.decide(Flow.of(new Endpoint.OfPod(agent), b, Transport.TCP, 8080)).allowed())
                .as("a host-network pod has its node's address and labels").isTrue();
        assertThat(semantics.decide(Flow.of(new Endpoint.External("192.168.0.10", ""), b, Transport.TCP, 8080))
                .allowed()).as("the infra node's address").isTrue();
        assertThat(semantics.decide(Flow.of(new Endpoint.OfPod(onWorker), b, Transport.TCP, 8080)).allowed())
                .as("a host-network pod on a node the selector does not match").isFalse();
        assertThat(semantics.decide(Flow.of(pod(set, "ns/a"), b, Transport.TCP, 8080)).allowed())
                .as("a pod on the pod network is no node").isFalse();
    }

    @Test
    void aNamedPortAtEgressResolvesOnAPodNamedByAPodPeerNotOnOneMatchedOnlyByItsAddress() {
        // given: a reaches b's named port http through a CIDR holding b's address (beside a service account that b
        // does not run as), through b itself, and through anywhere()
        PolicySet byAddress = policySet("s").workloads(B).intents(allow(A).to(cidr("10.0.0.0/8"),
                serviceAccount("ns", "nobody")).on(tcp("http")).onlyEgress()).build();
        PolicySet byPod = policySet("s").intents(allow(A).to(B).on(tcp("http")).onlyEgress()).build();
        PolicySet byAnything = policySet("s").workloads(B).intents(allow(A).to(anywhere()).on(tcp("http"))
                .onlyEgress()).build();

        // then
        assertThat(decide(byAddress, flow(byAddress, "ns/a", "ns/b", 8080)).allowed())
                .as("an address has no named ports").isFalse();
        assertThat(decide(byPod, flow(byPod, "ns/a", "ns/b", 8080)).allowed()).isTrue();
        assertThat(decide(byAnything, flow(byAnything, "ns/a", "ns/b", 8080)).allowed()).isTrue();
    }
}
