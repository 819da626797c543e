package dev.kordon.generators.istio;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.istio.IstioTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Generator;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.Layer;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.Scope;
import dev.kordon.generators.Target;
import dev.kordon.generators.manifest.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How each kind of intent becomes AuthorizationPolicies, rule by rule (the mesh layer alone unless said otherwise). */
class IstioMappingTest {

    static final Workload WEB = workload("shop", "web", labels("app", "web")).withServiceAccount("web");
    static final Workload API = workload("shop", "api", labels("app", "api")).withServiceAccount("api")
            .withPort("metrics", tcp(9090));

    private static PolicySet set(Intent first, Intent... more) {
        return policySet("shop").intents(first, more).build();
    }

    @Test
    void an_l4_allow_becomes_an_allow_policy_on_its_ports() {
        // when
        Generation generation = mesh(set(allow(WEB).to(API).on(tcp(8443), tcp(8080))));
        // then only the destination's side is the mesh's, and the ports are strings in ascending order
        assertThat(onlyPolicy(generation).path("metadata").path("namespace").asString()).isEqualTo("shop");
        assertThat(onlySpec(generation)).isEqualTo(yaml("""
                selector: {matchLabels: {app: api}}
                action: ALLOW
                rules:
                - from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]
                  to: [{operation: {ports: ["8080", "8443"]}}]
                """));
    }

    @Test
    void egress_only_intents_are_left_to_the_cni_layer() {
        // when intents that are only enforced at their sources are generated
        Generation generation = mesh(set(allow(WEB).to(cidr("10.20.0.0/16")).on(tcp(5432)), allowDns(WEB),
                allow(WEB).to(API).on(tcp(8080)).onlyEgress()));
        // then the mesh, which only decides at destinations, writes nothing
        assertThat(generation.resources()).isEmpty();
        assertThat(generation.report().entries()).isEmpty();
    }

    @Test
    void isolation_at_ingress_is_an_allow_nothing_policy() {
        // when
        Generation generation = mesh(set(isolate(API).ingressAndEgress()));
        // then the spec holds the selector and nothing else; egress isolation is the CNI layer's
        assertThat(onlySpec(generation)).isEqualTo(yaml("selector: {matchLabels: {app: api}}"));
        assertThat(mesh(set(isolate(API).egress())).resources()).isEmpty();
    }

    @Test
    void a_whole_namespace_is_a_policy_without_selector() {
        Generation generation = mesh(set(isolate(namespace("shop")).ingress()));
        assertThat(Yaml.write(policies(generation).get(0).body())).endsWith("spec: {}\n");
    }

    @Test
    void pods_of_every_namespace_are_selected_from_the_mesh_root_namespace() {
        // when
        Generation all = mesh(set(isolate(allPods()).ingress()));
        Generation labelled = mesh(set(isolate(pods(inAnyNamespace(), labels("app", "db"))).ingress()));
        // then the root namespace applies the policy to the whole mesh, or to the labelled workloads of every namespace
        assertThat(onlyPolicy(all).path("metadata").path("namespace").asString()).isEqualTo("istio-system");
        assertThat(onlySpec(all)).isEqualTo(yaml("{}"));
        assertThat(onlyPolicy(labelled).path("metadata").path("namespace").asString()).isEqualTo("istio-system");
        assertThat(onlySpec(labelled)).isEqualTo(yaml("selector: {matchLabels: {app: db}}"));
    }

    @Test
    void the_root_namespace_and_trust_domain_come_from_the_options() {
        // given a mesh whose root namespace and trust domain are not the defaults (written with spiffe:// by mistake)
        GeneratorOptions options = new GeneratorOptions("spiffe://example.org/", "mesh-root", "kordon", 1);
        Target target = new Target("istio", List.of(new Layer(new IstioBackend(), Scope.ALL, Role.MESH)));
        PolicySet set = set(isolate(allPods()).ingress(), allow(WEB).to(API).on(tcp(8080)));
        // when
        Generation generation = new Generator(options).generate(List.of(set), target);
        // then
        assertSchemaValid(generation);
        assertThat(generation.resources()).extracting(Resource::namespace).containsExactly("mesh-root", "shop");
        assertThat(generation.stream()).contains("- example.org/ns/shop/sa/web\n").doesNotContain("spiffe://");
    }

    @Test
    void sources_are_principals_namespaces_or_addresses() {
        // given one allow from every kind of pod peer and a CIDR with exceptions
        Workload batch = workload("jobs", "batch", labels("app", "batch"));
        PolicySet set = set(API.accepts(serviceAccount("ops", "deployer"), batch, namespace("monitoring"),
                pods(inNamespace("ops"), labels("team", "sre")), namespaces(labels("tenant", "a")),
                cidr("10.0.0.0/8").except("10.9.0.0/16", "10.1.0.0/16")).on(tcp(9090)));
        // when
        Generation generation = mesh(set);
        // then identities share one source, namespaces another, the CIDR has its own
        assertThat(onlySpec(generation).path("rules")).isEqualTo(yaml("""
                - from:
                  - source: {principals: ["*", cluster.local/ns/ops/sa/deployer]}
                  - source: {namespaces: [jobs, monitoring, ops]}
                  - source: {ipBlocks: [10.0.0.0/8], notIpBlocks: [10.1.0.0/16, 10.9.0.0/16]}
                  to: [{operation: {ports: ["9090"]}}]
                """));
    }

    @Test
    void peers_the_mesh_cannot_tell_leave_the_source_open() {
        // when the world, nodes and the API server may call
        Generation generation = mesh(set(API.accepts(world(), allNodes(), kubeApiServer()).on(tcp(8443))));
        // then the rule has no from: the CNI layer enforces these peers
        assertThat(onlySpec(generation).path("rules")).isEqualTo(yaml("[{to: [{operation: {ports: [\"8443\"]}}]}]"));
    }

    @Test
    void anywhere_on_any_traffic_is_the_allow_all_rule() {
        Generation generation = mesh(set(API.accepts(anywhere()).on(anyTraffic())));
        assertThat(Yaml.write(policies(generation).get(0).body())).contains("  rules:\n  - {}\n");
    }

    @Test
    void ranges_are_listed_named_ports_resolved_and_non_tcp_traffic_left_out() {
        // when
        Generation generation = mesh(set(allow(WEB).to(API)
                .on(tcpRange(8000, 8002), tcp("metrics"), udp(53), sctp(3868), allUdpPorts())));
        // then
        assertThat(onlySpec(generation).path("rules").get(0).path("to")).isEqualTo(yaml(
                "[{operation: {ports: [\"8000\", \"8001\", \"8002\", \"9090\"]}}]"));
    }

    @Test
    void an_intent_without_tcp_traffic_writes_nothing() {
        assertThat(mesh(set(allow(WEB).to(API).on(udp(53), sctp(3868)))).resources()).isEmpty();
    }

    @Test
    void every_tcp_port_is_a_rule_without_ports() {
        Generation generation = mesh(set(allow(WEB).to(API).on(allTcpPorts())));
        assertThat(onlySpec(generation).path("rules")).isEqualTo(yaml(
                "[{from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]}]"));
    }

    @Test
    void http_rules_map_to_operations_and_header_conditions() {
        // when paths of every expressible kind, with regex metacharacters, a host and headers are generated
        Generation generation = mesh(set(API.accepts(
                GET("/v1.0/items+x", "/static/*", "/*.png"),
                POST("/api/(orders)").withHost("Shop.Example.com").withHeader("X-Tenant", "a b").withHeader("x-trace"))
                .from(WEB).on(tcp(8080))));
        // then the paths are written literally, one rule per set of headers
        assertThat(onlySpec(generation).path("rules")).isEqualTo(yaml("""
                - from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]
                  to: [{operation: {ports: ["8080"], methods: [GET], paths: ["*.png", /static/*, /v1.0/items+x]}}]
                - from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]
                  to:
                  - operation:
                      hosts: [shop.example.com, shop.example.com., "shop.example.com.:*", "shop.example.com:*"]
                      ports: ["8080"]
                      methods: [POST]
                      paths: [/api/(orders)]
                  when:
                  - {key: "request.headers[x-tenant]", values: [a b]}
                  - {key: "request.headers[x-trace]", values: ["*"]}
                """));
    }

    @Test
    void request_conditions_are_when_entries_that_must_all_hold() {
        // when two principal conditions and a nested claim are required
        Generation generation = mesh(set(API.accepts(WEB).on(tcp(8080))
                .when(requestPrincipal("https://a.example/*"), requestPrincipal("*.example/alice", "https://b/bob"),
                        jwtClaim("realm_access", "roles").anyOf("admin", "ops"))));
        // then each is its own when entry (Istio ANDs them; the values of one are alternatives)
        assertThat(onlySpec(generation).path("rules").get(0).path("when")).isEqualTo(yaml("""
                - {key: "request.auth.claims[realm_access][roles]", values: [admin, ops]}
                - {key: request.auth.principal, values: ["*.example/alice", https://b/bob]}
                - {key: request.auth.principal, values: ["https://a.example/*"]}
                """));
    }

    @Test
    void a_deny_with_http_rules_is_a_deny_policy_scoped_to_its_ports() {
        Generation generation = mesh(set(deny(WEB).to(API).on(tcp(8080)).requests(DELETE("/api/*"))));
        assertThat(onlySpec(generation)).isEqualTo(yaml("""
                selector: {matchLabels: {app: api}}
                action: DENY
                rules:
                - from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]
                  to: [{operation: {ports: ["8080"], methods: [DELETE], paths: [/api/*]}}]
                """));
    }

    @Test
    void an_audit_with_http_rules_is_an_audit_policy() {
        // when an audit names a wildcard host (which narrows only what is recorded)
        Generation generation = mesh(set(audit(WEB).to(API).on(tcp(8080)).requests(GET("/x").withHost("*.example.com"))));
        // then
        assertThat(onlySpec(generation).path("action").asString()).isEqualTo("AUDIT");
        assertThat(onlySpec(generation).path("rules").get(0).path("to").get(0).path("operation").path("hosts"))
                .isEqualTo(yaml("['*.example.com', '*.example.com.']"));
        assertThat(generation.stream()).contains("- '*.example.com'\n");
    }

    @Test
    void l4_denies_audits_and_guardrails_are_left_to_the_cni_layer() {
        // when
        Generation generation = mesh(set(deny(WEB).to(API).on(tcp(9090)), audit(WEB).to(API).on(tcp(8080)),
                guardrail("no-ssh").admin(10).deny().ingressTo(allPods()).from(anywhere()).on(tcp(22)),
                guardrail("metrics").admin(5).pass().ingressTo(allPods()).from(namespace("monitoring")).on(tcp(9090)),
                guardrail("egress-ok").admin(20).allow().egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(tcp(443)),
                guardrail("default-deny").baseline(1000).deny().ingressTo(allPods()).from(allPods()).on(anyTraffic()),
                guardrail("dns").baseline(10).allow().ingressTo(allPods()).from(allPods()).on(udp(53))));
        // then nothing is written and nothing is refused
        assertThat(generation.resources()).isEmpty();
        assertThat(generation.report().entries()).isEmpty();
    }

    @Test
    void an_admin_deny_with_http_rules_of_every_pod_goes_to_the_root_namespace() {
        Generation generation = mesh(set(guardrail("no-debug").admin(10).deny().ingressTo(allPods())
                .from(anywhere()).on(tcp(8080)).requests(anyMethod("/debug/*"))));
        assertThat(onlyPolicy(generation).path("metadata").path("namespace").asString()).isEqualTo("istio-system");
        assertThat(onlySpec(generation)).isEqualTo(yaml("""
                action: DENY
                rules: [{to: [{operation: {ports: ["8080"], paths: [/debug/*]}}]}]
                """));
    }

    @Test
    void dry_run_marks_every_policy_of_the_set() {
        // given a set in dry run
        PolicySet set = policySet("shop").dryRun(true)
                .intents(isolate(namespace("shop")).ingress(), allow(WEB).to(API).on(tcp(8080))).build();
        // when
        Generation generation = mesh(set);
        // then
        assertThat(generation.resources()).hasSize(2);
        for (Resource resource : generation.resources()) {
            JsonNode written = Yaml.read(Yaml.write(resource.body()));
            assertThat(written.path("metadata").path("annotations").path("istio.io/dry-run").asString())
                    .isEqualTo("true");
        }
    }

    @Test
    void a_service_account_destination_accepting_pod_labels_selects_its_declared_workloads() {
        // given two workloads that run as one account
        Workload blue = workload("shop", "api-blue", labels("app", "api").and("track", "blue")).withServiceAccount("api");
        Workload green = workload("shop", "api-green", labels("app", "api").and("track", "green"))
                .withServiceAccount("api");
        PolicySet set = policySet("shop").workloads(blue, green).intents(allow(WEB).to(serviceAccount("shop", "api"))
                .on(tcp(8080)).accepting(Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS)).build();
        // when
        Generation generation = mesh(set);
        // then one policy per workload, numbered, and the report says what the labels change
        assertThat(generation.resources()).extracting(Resource::name)
                .containsExactly("shop-allow-web-to-sa-api-1", "shop-allow-web-to-sa-api-2");
        assertThat(generation.report().text()).contains("widened subject-service-account [istio]: Istio selects"
                + " workloads by labels, not by service account");
    }

    @Test
    void a_workload_whose_account_another_declared_workload_shares_is_matched_by_that_principal() {
        // given two callers that share an account, with the same access
        Workload blue = workload("shop", "web-blue", labels("app", "web").and("track", "blue")).withServiceAccount("web");
        Workload green = workload("shop", "web-green", labels("app", "web").and("track", "green")).withServiceAccount("web");
        PolicySet set = set(allow(blue).to(API).on(tcp(8080)), allow(green).to(API).on(tcp(8080)));
        // when
        Generation generation = mesh(set);
        // then both rules name the shared principal, which is harmless here: the CNI layer tells the pods apart
        assertThat(generation.resources()).hasSize(2);
        assertThat(generation.report().entries()).isEmpty();
        assertThat(generation.stream()).contains("- cluster.local/ns/shop/sa/web\n");
    }

    @Test
    void label_values_that_look_like_other_types_stay_strings() {
        // given selector values YAML would otherwise read as a boolean, a number or null
        Workload odd = workload("shop", "odd", labels("enabled", "true").and("version", "1.0").and("mode", "0755")
                .and("state", "null"));
        // when
        Generation generation = mesh(set(isolate(odd).ingress()));
        // then they round-trip as strings
        assertThat(onlySpec(generation).path("selector").path("matchLabels")).isEqualTo(yaml(
                "{enabled: 'true', mode: '0755', state: 'null', version: '1.0'}"));
    }
}
