package dev.kordon.generators.calico;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.calico.CalicoFixtures.BACKEND;
import static dev.kordon.generators.calico.CalicoFixtures.FRONTEND;
import static dev.kordon.generators.calico.CalicoManifests.assertValid;
import static dev.kordon.generators.calico.CalicoManifests.calico;
import static dev.kordon.generators.calico.CalicoManifests.policies;
import static dev.kordon.generators.calico.CalicoManifests.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Generation;
import dev.kordon.generators.GenerationException;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** HTTP rules: written for Application Layer Policy on ingress allows, left to the mesh under Istio. */
class CalicoHttpTest {

    private static PolicySet accepting(Connection connection) {
        return policySet("shop").intents(connection.accepting(Downgrade.L4_ONLY)).build();
    }

    /** The {@code http} clause of each ingress rule ({@code -} for none). */
    private static List<String> http(Generation generation) {
        return http(generation.resources());
    }

    private static List<String> http(List<Resource> resources) {
        List<String> clauses = new ArrayList<>();
        for (Resource resource : resources) {
            tree(resource).path("spec").path("ingress")
                    .forEach(rule -> clauses.add(rule.has("http") ? rule.path("http").toString() : "-"));
        }
        return clauses;
    }

    @Test
    void paths_with_regex_metacharacters_are_written_verbatim() {
        // Calico compares paths as strings, not patterns
        Generation generation = calico(accepting(BACKEND.accepts(GET("/v1.0/items+x", "/v1.0/(a)[b]/*"))
                .from(FRONTEND).on(tcp(8080))));
        assertThat(http(generation)).containsExactly("{\"methods\":[\"GET\"],\"paths\":[{\"prefix\":\"/v1.0/(a)[b]/\"},"
                + "{\"exact\":\"/v1.0/items+x\"}]}");
        assertValid(generation);
    }

    @Test
    void prefixes_and_globs_become_prefixes_of_whole_segments() {
        // '/pub*' also matches '/public', which a segment-aware prefix (Calico 3.31.7+) '/pub' would not: it widens to
        // '/', which constrains no path; a glob keeps the whole segments before its '*'
        Generation generation = calico(accepting(BACKEND.accepts(GET("/api/*"), DELETE("/api/*/orders"),
                POST("/pub*")).from(FRONTEND).on(tcp(8080))));
        assertThat(http(generation)).containsExactly(
                "{\"methods\":[\"DELETE\"],\"paths\":[{\"prefix\":\"/api/\"}]}",
                "{\"methods\":[\"GET\"],\"paths\":[{\"prefix\":\"/api/\"}]}",
                "{\"methods\":[\"POST\"]}");
        assertThat(generation.report().text()).contains("widened http-path-glob [calico]: Calico cannot express a"
                + " '*' inside a path: it is written as the prefix of its leading whole segments ('/api/*/orders' as"
                + " '/api/'), and Calico enforces HTTP only with Application Layer Policy");
        assertValid(generation);
    }

    @Test
    void hosts_and_headers_are_left_out_and_a_rule_left_without_methods_or_paths_has_no_clause() {
        Generation generation = calico(accepting(BACKEND.accepts(
                anyMethod("/*").withHost("shop.example.com"), POST("/orders").withHeader("x-tenant", "a"))
                .from(FRONTEND).on(tcp(8080))));
        assertThat(http(generation)).containsExactly("-",
                "{\"methods\":[\"POST\"],\"paths\":[{\"exact\":\"/orders\"}]}");
        assertThat(generation.report().problems()).isEmpty();
    }

    @Test
    void more_than_20_paths_take_several_rules() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            paths.add("/p" + i);
        }
        Generation generation = calico(accepting(BACKEND.accepts(GET(paths.get(0),
                paths.subList(1, 25).toArray(String[]::new))).from(FRONTEND).on(tcp(8080))));
        assertThat(http(generation)).hasSize(2);
        assertValid(generation);
    }

    @Test
    void the_egress_side_cannot_carry_http() {
        // when a two-sided allow with HTTP rules is generated
        Generation generation = calico(accepting(allow(FRONTEND).to(BACKEND).on(tcp(8080)).requests(GET("/api/*"))));
        // then the ingress rule has the clause, the egress rule is L4 (Calico rejects http in egress rules)
        Resource egress = CalicoManifests.resource(generation, "NetworkPolicy",
                "kordon.shop-allow-frontend-to-backend-egress");
        assertThat(tree(egress).toString()).doesNotContain("http\"");
        assertThat(http(generation)).containsExactly("{\"methods\":[\"GET\"],\"paths\":[{\"prefix\":\"/api/\"}]}");
        assertThat(generation.report().text()).contains("widened http-egress [calico]: Calico rejects HTTP match in"
                + " egress rules: the egress side allows every request on the intent's ports (wider)");
        assertValid(generation);
    }

    @Test
    void a_deny_of_some_requests_is_refused_since_calico_would_deny_them_all() {
        PolicySet set = accepting(deny(FRONTEND).to(BACKEND).on(tcp(8080)).requests(DELETE("/api/*")));
        assertThatThrownBy(() -> calico(set)).isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).problems())
                        .extracting(problem -> problem.feature().id()).containsExactly("application-deny"))
                .hasMessageContaining("unsupported application-deny [calico]: Calico matches HTTP and request"
                        + " conditions in Allow rules only: this deny would deny every request on the intent's ports"
                        + " (narrower)\n    fix: use calico+istio, or state the access as a narrower allow");
    }

    @Test
    void an_audit_of_some_requests_logs_every_request_on_its_ports_once_accepted() {
        Generation generation = calico(accepting(audit(FRONTEND).to(BACKEND).on(tcp(8080)).requests(GET("/a"))
                .onlyIngress()));
        assertThat(policies(generation)).singleElement().satisfies(policy -> assertThat(tree(policy).path("spec")
                .path("ingress").toString()).isEqualTo("[{\"action\":\"Log\",\"protocol\":\"TCP\",\"source\":{"
                        + "\"selector\":\"projectcalico.org/orchestrator == \\\"k8s\\\" && app == \\\"frontend\\\"\"},"
                        + "\"destination\":{\"ports\":[8080]}}]"));
    }

    @Test
    void under_a_mesh_calico_enforces_peers_and_ports_and_the_mesh_the_requests() {
        // given an allow, a deny and an audit of some requests
        HttpRule admin = DELETE("/admin/*");
        PolicySet set = policySet("shop").intents(
                BACKEND.accepts(GET("/api/*")).from(FRONTEND).on(tcp(8080)),
                deny(FRONTEND).to(BACKEND).on(tcp(8080)).requests(admin),
                audit(FRONTEND).to(BACKEND).on(tcp(8080)).requests(admin)).build();
        // when Calico renders its layer of calico+istio
        List<Resource> resources = new CalicoBackend().render(new RenderRequest(set, set.intents(), Role.TRANSPORT,
                "calico+istio", GeneratorOptions.defaults()));
        // then only the allow is written, for its port alone: denying or auditing at L4 would hit every request
        assertThat(resources).extracting(Resource::name)
                .containsExactly("kordon.shop-allow-frontend-to-backend-ingress", "kordon");
        assertThat(http(resources)).containsExactly("-");
        resources.forEach(CalicoManifests::assertValid);
    }

    @Test
    void a_pass_of_some_requests_is_refused_even_under_a_mesh() {
        Connection pass = guardrail("pass-metrics").admin(5).pass().ingressTo(allPods()).from(namespace("monitoring"))
                .on(tcp(9090)).requests(GET("/metrics"));
        PolicySet set = policySet("platform").intents(pass).build();
        assertThat(new CalicoBackend().inspect(set, set.intents().get(0), Role.TRANSPORT, GeneratorOptions.defaults()))
                .extracting(finding -> finding.feature().id() + ": " + finding.support().reason())
                .containsExactly("admin-pass: Calico matches HTTP and request conditions in Allow rules only: this"
                        + " pass would pass every request on the intent's ports to the next tier, past the guardrails"
                        + " after it");
    }

    @Test
    void request_conditions_are_left_out_once_accepted() {
        Generation generation = calico(accepting(BACKEND.accepts(GET("/api/*")).from(FRONTEND).on(tcp(8080))
                .when(requestPrincipal("https://issuer.example/*"))));
        JsonNode rule = tree(policies(generation).get(0)).path("spec").path("ingress").get(0);
        assertThat(rule.path("http").toString())
                .isEqualTo("{\"methods\":[\"GET\"],\"paths\":[{\"prefix\":\"/api/\"}]}");
        assertThat(generation.report().text()).contains("widened request-principal [calico]: Calico cannot match JWT"
                + " request principals: requests from any caller on the intent's ports match (wider) (accepted:"
                + " l4-only)");
    }
}
