package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code to.operation}: hosts, ports, methods and paths, on the request as the proxy normalizes it. */
class OperationMatchingTest {

    private final MeshFixture mesh = MeshFixture.cluster()
            .pod("shop/web", "10.0.0.1", "app=web")
            .pod("shop/api", "10.0.0.2", "app=api");

    private Outcome get(String operation, String path) {
        mesh.with(Policies.onApi("p", "rules:\n- to: [{operation: " + operation + "}]"));
        return mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", path)).outcome();
    }

    @Test
    void matches_paths_exactly_by_prefix_by_suffix_and_by_presence() {
        assertThat(get("{paths: [/api/v1]}", "/api/v1")).isEqualTo(Outcome.ALLOW);
        assertThat(get("{paths: [/api/v1]}", "/api/v1/x")).isEqualTo(Outcome.DENY);
        assertThat(get("{paths: ['/api/*']}", "/api/v1/x")).isEqualTo(Outcome.ALLOW);
        assertThat(get("{paths: ['*.png']}", "/img/a.png")).isEqualTo(Outcome.ALLOW);
        assertThat(get("{paths: ['*']}", "/anything")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void takes_a_star_inside_a_path_literally() {
        assertThat(get("{paths: ['/api/*/x']}", "/api/v1/x")).isEqualTo(Outcome.DENY);
    }

    @Test
    void matches_path_templates_segment_by_segment() {
        assertThat(get("{paths: ['/api/{*}/x']}", "/api/v1/x")).isEqualTo(Outcome.ALLOW);
        assertThat(get("{paths: ['/api/{*}/x']}", "/api/v1/v2/x")).isEqualTo(Outcome.DENY);
        assertThat(get("{paths: ['/api/{**}']}", "/api/v1/v2/x")).isEqualTo(Outcome.ALLOW);
        assertThat(get("{paths: ['/api/{**}']}", "/api")).isEqualTo(Outcome.DENY);
    }

    @Test
    void matches_the_path_without_its_query() {
        assertThat(get("{paths: [/search]}", "/search?q=x")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void matches_the_path_after_normalization() {
        assertThat(get("{notPaths: ['/admin*']}", "/public/../admin/x")).isEqualTo(Outcome.DENY);
        assertThat(get("{notPaths: ['/admin*']}", "/%61dmin")).isEqualTo(Outcome.DENY);
        assertThat(get("{notPaths: ['/admin*']}", "\\admin")).isEqualTo(Outcome.DENY);
        assertThat(get("{paths: ['/a/b']}", "/a/./b")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void rejects_a_path_with_a_null_byte_and_a_method_not_in_upper_case() {
        // given
        mesh.with(Policies.onApi("p", "rules: [{}]"));

        // when / then
        assertThat(mesh.explain(mesh.http("shop/web", "shop/api", 8080, "GET", "/a%00b"))).last()
                .isEqualTo("[istio mesh HTTP] deny - path /a%00b contains %00: the proxy rejects the request with 400");
        assertThat(mesh.decide(mesh.http("shop/web", "shop/api", 8080, "get", "/")).outcome())
                .isEqualTo(Outcome.DENY);
    }

    @Test
    void matches_methods_case_sensitively() {
        assertThat(get("{methods: [GET, HEAD]}", "/")).isEqualTo(Outcome.ALLOW);
        assertThat(get("{notMethods: [GET]}", "/")).isEqualTo(Outcome.DENY);
        assertThat(get("{methods: ['*']}", "/")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void matches_the_workload_port() {
        assertThat(get("{ports: ['8080']}", "/")).isEqualTo(Outcome.ALLOW);
        assertThat(get("{ports: ['80']}", "/")).isEqualTo(Outcome.DENY);
        assertThat(get("{notPorts: ['80']}", "/")).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void matches_hosts_ignoring_case() {
        // given
        mesh.with(Policies.onApi("p", "rules:\n- to: [{operation: {hosts: ['API.shop*']}}]"));

        // when / then
        assertThat(mesh.decide(mesh.http("shop/web", "shop/api", 8080,
                MeshFixture.request("GET", "/", "api.shop.svc.cluster.local", Map.of()))).outcome())
                .isEqualTo(Outcome.ALLOW);
        assertThat(mesh.decide(mesh.http("shop/web", "shop/api", 8080,
                MeshFixture.request("GET", "/", "web.shop", Map.of()))).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_host_rule_that_decides_makes_a_request_without_host_ambiguous() {
        // given
        mesh.with(Policies.onApi("p", "action: DENY\nrules:\n- to: [{operation: {hosts: [admin.shop]}}]"));

        // when
        var decision = mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/"));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(decision.steps().get(decision.steps().size() - 1).reason()).isEqualTo("rule 0 may match: the"
                + " outcome depends on what the probe does not give: hosts [admin.shop] depends on no host given");
    }

    @Test
    void a_host_rule_that_cannot_change_a_denial_keeps_it() {
        // given
        mesh.with(Policies.onApi("p", "action: DENY\nrules:\n- to: [{operation: {hosts: [admin.shop]}}]")
                + "---\n" + Policies.onApi("q", "rules:\n- to: [{operation: {methods: [POST]}}]"));

        // when / then
        assertThat(mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/")).outcome())
                .isEqualTo(Outcome.DENY);
    }
}
