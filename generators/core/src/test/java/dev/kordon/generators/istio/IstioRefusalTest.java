package dev.kordon.generators.istio;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.istio.IstioTesting.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Feature;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.Generator;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the mesh layer refuses, and why: every refusal names the feature, what access would change and the fix. */
class IstioRefusalTest {

    static final Workload WEB = workload("shop", "web", labels("app", "web")).withServiceAccount("web");
    static final Workload LEGACY = workload("shop", "legacy", labels("app", "legacy"));
    static final Workload API = workload("shop", "api", labels("app", "api")).withServiceAccount("api");

    private static List<FidelityEntry> problems(Intent first, Intent... more) {
        return meshProblems(policySet("shop").intents(first, more).build());
    }

    private static FidelityEntry onlyProblem(Intent first, Intent... more) {
        List<FidelityEntry> problems = problems(first, more);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void every_role_but_the_mesh_refuses_every_feature() {
        for (Role role : List.of(Role.COMPLETE, Role.TRANSPORT)) {
            Capabilities capabilities = new IstioBackend().capabilities(role);
            for (Feature feature : Feature.values()) {
                assertThat(capabilities.of(feature).fidelity()).as("%s in role %s", feature, role)
                        .isEqualTo(Fidelity.UNSUPPORTED);
                assertThat(capabilities.of(feature).reason()).contains("it is only the mesh layer");
            }
        }
    }

    @Test
    void render_refuses_other_roles() {
        PolicySet set = policySet("shop").intents(allow(WEB).to(API).on(tcp(8080))).build();
        assertThatThrownBy(() -> new IstioBackend().render(new RenderRequest(set, set.intents(), Role.COMPLETE,
                "istio", GeneratorOptions.defaults()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only as the mesh layer");
    }

    @Test
    void render_fails_instead_of_writing_what_the_inspection_refuses() {
        // given an intent the inspection refuses, handed to render directly
        PolicySet set = policySet("shop").intents(API.accepts(GET("/api/*/orders")).from(WEB).on(tcp(8080))).build();
        // then nothing wider is written: it is a bug to get there
        assertThatThrownBy(() -> new IstioBackend().render(new RenderRequest(set, set.intents(), Role.MESH,
                KUBERNETES_ISTIO, GeneratorOptions.defaults()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be written; the fidelity check should have refused it");
    }

    @Test
    void a_subject_in_the_configured_root_namespace_is_refused() {
        // given a generator whose mesh root namespace is the destination's
        GeneratorOptions options = new GeneratorOptions("cluster.local", "shop", "kordon", 1);
        PolicySet set = policySet("shop").intents(isolate(API).ingress()).build();
        // then the policy, which would apply to the whole mesh, is refused before anything is written
        assertThatThrownBy(() -> new Generator(options).generate(List.of(set), meshAlone()))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("unsupported subject-in-named-namespaces [istio]: namespace 'shop' is the mesh"
                        + " root namespace, where a policy applies to every namespace of the mesh, not to its own pods"
                        + " only");
    }

    @Test
    void a_glob_with_a_star_inside_is_refused() {
        FidelityEntry problem = onlyProblem(API.accepts(GET("/api/*/orders")).from(WEB).on(tcp(8080)));
        assertThat(problem.feature()).isEqualTo(Feature.HTTP_PATH_GLOB);
        assertThat(problem.reason()).isEqualTo("Istio's paths take '*' only at the start or the end (and its template"
                + " {*} matches one segment only), so the glob '/api/*/orders' cannot be written");
        assertThat(problem.hint()).contains("'/api/*'");
    }

    @Test
    void a_suffix_glob_whose_suffix_starts_a_segment_is_refused() {
        // '*/orders' would also match the path '/orders' itself, which '/*/orders' does not
        assertThat(onlyProblem(API.accepts(GET("/*/orders")).from(WEB).on(tcp(8080))).feature())
                .isEqualTo(Feature.HTTP_PATH_GLOB);
    }

    @Test
    void braces_in_a_path_are_refused() {
        FidelityEntry problem = onlyProblem(API.accepts(GET("/api/{id}")).from(WEB).on(tcp(8080)));
        assertThat(problem.feature()).isEqualTo(Feature.HTTP_PATH_EXACT);
        assertThat(problem.reason()).startsWith("Istio rejects '{' and '}' in a path outside its templates");
    }

    @Test
    void a_wildcard_host_narrows_an_allow_and_widens_a_deny() {
        FidelityEntry allow = onlyProblem(API.accepts(GET("/x").withHost("*.example.com")).from(WEB).on(tcp(8080)));
        assertThat(allow.fidelity()).isEqualTo(Fidelity.NARROWED);
        assertThat(allow.reason()).isEqualTo("Istio matches '*.example.com' as a suffix of the :authority, so a request"
                + " whose authority carries a port (example.com:8080 under it) does not match it and is denied");
        FidelityEntry deny = onlyProblem(deny(WEB).to(API).on(tcp(8080)).requests(GET("/x").withHost("*.example.com")));
        assertThat(deny.fidelity()).isEqualTo(Fidelity.WIDENED);
        assertThat(deny.reason()).endsWith("slips past the deny");
    }

    @Test
    void header_presence_is_refused_on_a_deny_only() {
        assertThat(problems(API.accepts(GET("/x").withHeader("x-debug")).from(WEB).on(tcp(8080)))).isEmpty();
        FidelityEntry deny = onlyProblem(deny(WEB).to(API).on(tcp(8080)).requests(GET("/x").withHeader("x-debug")));
        assertThat(deny.feature()).isEqualTo(Feature.HTTP_HEADER);
        assertThat(deny.fidelity()).isEqualTo(Fidelity.WIDENED);
        assertThat(deny.reason()).contains("a request whose header is present but empty may slip past the deny");
    }

    @Test
    void values_that_istio_would_read_as_wildcards_or_reject_are_refused() {
        // when a header value and claim values start or end with '*', or are empty
        List<FidelityEntry> problems = problems(API.accepts(GET("/x").withHeader("x-tenant", "*a"))
                .from(WEB).on(tcp(8080)).when(jwtClaim("role").anyOf("admin*", "")));
        // then
        assertThat(problems).extracting(problem -> problem.feature() + ": " + problem.reason()).containsExactly(
                "http-header: Istio reads '*' at either end of the header value '*a' as a wildcard and has no escape"
                        + " for it",
                "jwt-claim: Istio rejects an empty claim value",
                "jwt-claim: Istio reads '*' at either end of the claim value 'admin*' as a wildcard and has no escape"
                        + " for it");
    }

    @Test
    void request_principals_istio_splits_otherwise_are_refused() {
        // given patterns with '*' where Istio's split does not put it
        List<FidelityEntry> problems = problems(API.accepts(WEB).on(tcp(8080))
                .when(requestPrincipal("https://a*/alice", "https://a/*bob", "*/*", "https://a/b*", "*.a/bob", "*")));
        // then only the three that Istio would read differently are refused
        assertThat(problems).extracting(FidelityEntry::reason).containsExactly(
                "Istio takes '*' in a request principal only as the whole value, at the start of the issuer (with an"
                        + " exact subject) or at the end of the subject (with an exact issuer), so '*/*' cannot be"
                        + " written",
                "Istio takes '*' in a request principal only as the whole value, at the start of the issuer (with an"
                        + " exact subject) or at the end of the subject (with an exact issuer), so 'https://a*/alice'"
                        + " cannot be written",
                "Istio takes '*' in a request principal only as the whole value, at the start of the issuer (with an"
                        + " exact subject) or at the end of the subject (with an exact issuer), so 'https://a/*bob'"
                        + " cannot be written");
    }

    @Test
    void a_destination_selected_by_set_operators_is_refused() {
        Workload canary = workload("shop", "canary", labels("app", "api").and(label("track").in("a", "b")));
        FidelityEntry problem = onlyProblem(allow(WEB).to(canary).on(tcp(8080)));
        assertThat(problem.feature()).isEqualTo(Feature.SUBJECT_IN_NAMED_NAMESPACES);
        assertThat(problem.reason()).isEqualTo("Istio selects workloads by matchLabels only, so 'track in (a,b)' of"
                + " {app=api,track in (a,b)} cannot be written");
    }

    @Test
    void a_destination_in_the_mesh_root_namespace_is_refused() {
        Workload gateway = workload("istio-system", "gateway", labels("istio", "ingressgateway"));
        FidelityEntry problem = onlyProblem(isolate(gateway).ingress());
        assertThat(problem.reason()).isEqualTo("namespace 'istio-system' is the mesh root namespace, where a policy"
                + " applies to every namespace of the mesh, not to its own pods only");
    }

    @Test
    void pods_of_labelled_namespaces_are_refused_as_destinations_but_not_as_sources() {
        // when they are isolated at ingress
        FidelityEntry problem = onlyProblem(isolate(namespaces(labels("tenant", "a"))).ingress());
        assertThat(problem.feature()).isEqualTo(Feature.SUBJECT_IN_LABELLED_NAMESPACES);
        // then, while at egress they are the CNI layer's
        assertThat(problems(allow(namespaces(labels("tenant", "a"))).to(cidr("10.0.0.0/8")).on(tcp(443)))).isEmpty();
    }

    @Test
    void a_service_account_destination_needs_its_declared_workloads_and_the_pod_labels_downgrade() {
        FidelityEntry ghost = onlyProblem(allow(WEB).to(serviceAccount("shop", "ghost")).on(tcp(8080)));
        assertThat(ghost.reason()).isEqualTo("no declared workload runs as service account shop/ghost, so Istio has no"
                + " workload labels to select it by");
        FidelityEntry declared = onlyProblem(allow(WEB).to(serviceAccount(API)).on(tcp(8080)), allow(WEB).to(API)
                .on(tcp(9090)));
        assertThat(declared.downgrade()).containsExactly(Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS);
    }

    @Test
    void a_named_port_that_no_destination_declares_is_refused() {
        FidelityEntry problem = onlyProblem(allow(WEB).to(API).on(tcp("http")));
        assertThat(problem.feature()).isEqualTo(Feature.PORT_NAMED);
        assertThat(problem.reason()).isEqualTo("Istio matches port numbers only, and no workload declared for the"
                + " destination shop {app=api} gives port 'http' a TCP number");
    }

    @Test
    void a_port_range_too_long_to_list_is_refused() {
        FidelityEntry problem = onlyProblem(allow(WEB).to(API).on(tcpRange(30000, 32767)));
        assertThat(problem.feature()).isEqualTo(Feature.PORT_RANGE);
        assertThat(problem.reason()).isEqualTo("Istio has no port ranges, and tcp/30000-32767 (2768 ports) is longer"
                + " than the 100 ports that are listed one by one");
        assertThat(problems(allow(WEB).to(API).on(tcpRange(30000, 30099)))).isEmpty();
    }

    @Test
    void an_http_deny_on_every_tcp_port_is_refused() {
        FidelityEntry problem = onlyProblem(deny(WEB).to(API).on(allTcpPorts()).requests(DELETE("/*")));
        assertThat(problem.feature()).isEqualTo(Feature.PORT_ALL_OF_PROTOCOL);
        assertThat(problem.reason()).startsWith("an Istio DENY with HTTP rules or conditions denies every connection on"
                + " a port it treats as plain TCP");
    }

    @Test
    void an_admin_allow_at_ingress_is_refused_and_at_egress_left_to_the_cni_layer() {
        FidelityEntry ingress = onlyProblem(guardrail("scrape").admin(5).allow().ingressTo(allPods())
                .from(namespace("monitoring")).on(tcp(9090)));
        assertThat(ingress.feature()).isEqualTo(Feature.ADMIN_ALLOW);
        assertThat(ingress.fidelity()).isEqualTo(Fidelity.NARROWED);
        assertThat(ingress.reason()).contains("an Istio ALLOW policy cannot let traffic through without making its"
                + " workload default deny");
        assertThat(problems(guardrail("scrape").admin(5).allow().egressFrom(namespace("monitoring")).to(allPods())
                .on(tcp(9090)))).isEmpty();
    }

    @Test
    void guardrails_with_http_rules_whose_tier_order_the_mesh_cannot_keep_are_refused() {
        // when a baseline deny and an admin pass carry HTTP rules
        List<FidelityEntry> problems = problems(
                guardrail("no-delete").baseline(10).deny().ingressTo(allPods()).from(anywhere()).on(tcp(8080))
                        .requests(DELETE("/*")),
                guardrail("teams-decide").admin(5).pass().ingressTo(allPods()).from(anywhere()).on(tcp(8080))
                        .requests(GET("/metrics")));
        // then
        assertThat(problems).extracting(problem -> problem.intent() + " " + problem.feature()).containsExactly(
                "no-delete baseline-deny", "teams-decide admin-pass");
        assertThat(problems.get(0).reason()).isEqualTo("an Istio policy has no tier: with HTTP rules or conditions this"
                + " baseline deny would apply whatever the application tier (and, for a pass, the rest of the admin"
                + " tier) decides");
    }

    @Test
    void an_http_admin_deny_after_an_admin_pass_for_the_same_flows_is_refused() {
        List<FidelityEntry> problems = problems(
                guardrail("no-debug").admin(10).deny().ingressTo(allPods()).from(anywhere()).on(tcp(8080))
                        .requests(anyMethod("/debug/*")),
                guardrail("ops-decide").admin(5).pass().ingressTo(namespace("ops")).from(anywhere()).on(tcp(8080)));
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.intent()).isEqualTo("no-debug");
            assertThat(problem.fidelity()).isEqualTo(Fidelity.NARROWED);
            assertThat(problem.reason()).isEqualTo("guardrail 'ops-decide' (admin 5 pass) comes first for some of these"
                    + " flows, but an Istio DENY has no priority: the mesh would deny requests that it passes to the"
                    + " application tier");
        });
    }

    @Test
    void http_rules_and_conditions_at_the_egress_side_need_the_l4_only_downgrade() {
        // when an allow with HTTP rules and a condition is enforced at both sides
        List<FidelityEntry> problems = problems(allow(WEB).to(API).on(tcp(8080)).requests(GET("/x"))
                .when(jwtClaim("role").anyOf("a")));
        // then
        assertThat(problems).extracting(problem -> problem.feature().id()).containsExactly("http-egress", "jwt-claim");
        assertThat(problems.get(0).hint()).isEqualTo("enforce the HTTP rules and conditions at the destination only"
                + " (.onlyIngress(), or DEST.accepts(GET(...)).from(SOURCE)), or accept Downgrade.L4_ONLY");
        assertThat(problems(allow(WEB).to(API).on(tcp(8080)).requests(GET("/x")).when(jwtClaim("role").anyOf("a"))
                .accepting(Downgrade.L4_ONLY))).isEmpty();
    }

    @Test
    void a_deny_at_both_sides_is_covered_by_its_policy_at_the_destination() {
        assertThat(problems(deny(WEB).to(API).on(tcp(8080)).requests(DELETE("/x")))).isEmpty();
        assertThat(onlyProblem(deny(WEB).to(API, cidr("10.0.0.0/8")).on(tcp(8080)).requests(DELETE("/x"))).feature())
                .isEqualTo(Feature.HTTP_EGRESS);
    }

    @Test
    void a_source_matched_by_its_namespace_is_refused_where_it_would_get_another_peers_requests() {
        // given the web may only GET on 8080, while a legacy workload without service account may do anything there
        List<FidelityEntry> problems = problems(API.accepts(GET("/x")).from(WEB).on(tcp(8080)),
                API.accepts(LEGACY).on(tcp(8080)));
        // then the mesh, which can only match legacy by its namespace, would hand the web every request
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.intent()).isEqualTo("allow-legacy-to-api");
            assertThat(problem.feature()).isEqualTo(Feature.PEER_PODS);
            assertThat(problem.fidelity()).isEqualTo(Fidelity.WIDENED);
            assertThat(problem.reason()).isEqualTo("at the mesh, workload(shop/legacy {app=legacy}) is matched by its"
                    + " namespace 'shop', as legacy declares no service account, which also matches"
                    + " workload(shop/web {app=web} sa=web) of 'allow-web-to-api' on the same destination and port;"
                    + " the CNI layer lets it through for 'allow-web-to-api', so it would also get this intent's"
                    + " requests, all of them");
        });
    }

    @Test
    void a_wider_source_is_harmless_where_the_other_peers_already_have_those_requests() {
        // other destination, port or namespace, or the same access: no other peer gains anything
        Workload ops = workload("ops", "console", labels("app", "console")).withServiceAccount("console");
        Workload db = workload("shop", "db", labels("app", "db"));
        assertThat(problems(API.accepts(GET("/x")).from(WEB).on(tcp(8080)), db.accepts(LEGACY).on(tcp(8080)))).isEmpty();
        assertThat(problems(API.accepts(GET("/x")).from(WEB).on(tcp(8080)), API.accepts(LEGACY).on(tcp(9090)))).isEmpty();
        assertThat(problems(API.accepts(GET("/x")).from(ops).on(tcp(8080)), API.accepts(LEGACY).on(tcp(8080)))).isEmpty();
        assertThat(problems(API.accepts(WEB).on(tcp(8080)), API.accepts(LEGACY).on(tcp(8080)))).isEmpty();
        assertThat(problems(API.accepts(GET("/x")).from(WEB).on(tcp(8080)),
                API.accepts(GET("/x")).from(LEGACY).on(tcp(8080)))).isEmpty();
    }

    @Test
    void a_shared_principal_does_not_reach_a_peer_declared_with_another_account() {
        // given two workloads sharing an account, and the web with its own
        Workload blue = workload("shop", "web-blue", labels("app", "wb")).withServiceAccount("shared");
        Workload green = workload("shop", "web-green", labels("app", "wg")).withServiceAccount("shared");
        // then the shared principal leaks nothing to the web, but to green it does
        assertThat(problems(API.accepts(GET("/x")).from(WEB).on(tcp(8080)), API.accepts(blue).on(tcp(8080)))).isEmpty();
        assertThat(problems(API.accepts(GET("/x")).from(green).on(tcp(8080)), API.accepts(blue).on(tcp(8080))))
                .extracting(FidelityEntry::intent).containsExactly("allow-web-blue-to-api");
    }

    @Test
    void a_deny_from_a_wider_source_is_refused_where_it_would_stop_another_peers_requests() {
        FidelityEntry problem = onlyProblem(deny(LEGACY).to(API).on(tcp(8080)).requests(DELETE("/x")),
                API.accepts(WEB).on(tcp(8080)));
        assertThat(problem.fidelity()).isEqualTo(Fidelity.NARROWED);
        assertThat(problem.reason()).endsWith("this deny would also stop requests that 'allow-web-to-api' allows it");
    }

    @Test
    void open_sources_are_refused_where_they_would_lend_requests() {
        FidelityEntry problem = onlyProblem(API.accepts(GET("/x")).from(WEB).on(tcp(8080)),
                API.accepts(world()).on(tcp(8080)));
        assertThat(problem.feature()).isEqualTo(Feature.PEER_WORLD);
        assertThat(problem.reason()).contains("is matched by no source restriction, since the mesh cannot tell world by"
                + " identity or address");
    }
}
