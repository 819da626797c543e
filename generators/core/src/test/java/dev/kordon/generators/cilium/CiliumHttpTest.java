package dev.kordon.generators.cilium;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cilium.CiliumTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.PathPattern;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * HTTP rules as Cilium's RE2 regexes. The regexes use only constructs on which RE2 and {@code java.util.regex} agree
 * (escaped literals, {@code .*}, {@code [^?]*}, optional groups, {@code (?i)}), so Java can check them against the
 * model's own matching.
 */
class CiliumHttpTest {

    private static final Workload API = workload("shop", "api", labels("app", "api"));
    private static final Workload WEB = workload("shop", "web", labels("app", "web"));

    private static final List<String> PATHS = List.of("/", "/api", "/api/", "/api/x", "/api/x?y=1", "/api?x=/api/",
            "/api/v1/eu/orders", "/api/orders", "/api/x?y=/orders", "/api/x/orders?page=2", "/api/x/ordersz",
            "/healthz", "/healthz?verbose=1", "/healthz/", "/healthzz", "/healthz?", "/v1.0/items+x", "/v1X0/items+x",
            "/v1.0/itemsx", "/v1.0/itemssx", "/v1.0/items+x?q", "/a(b)[c]{d}^$|\\e", "/a(b)[c]{d}^$|\\e?f");

    private static final List<String> GLOBS = List.of("/healthz", "/api/*", "/api/*/orders", "/api*", "/*/x/*",
            "/v1.0/items+x", "/v1.0/*+x", "/a(b)[c]{d}^$|\\e");

    @Test
    void every_path_regex_matches_exactly_the_requests_the_model_matches_query_string_included() {
        for (String glob : GLOBS) {
            PathPattern pattern = PathPattern.of(glob);
            Pattern regex = Pattern.compile(HttpRegex.path(pattern));
            for (String path : PATHS) {
                assertThat(regex.matcher(path).matches()).as("%s (regex %s) on %s", glob, regex, path)
                        .isEqualTo(pattern.matches(path));
            }
        }
    }

    @Test
    void an_exact_path_matches_only_itself_and_its_query_strings() {
        assertThat(HttpRegex.path(PathPattern.of("/healthz"))).isEqualTo("/healthz(\\?.*)?");
    }

    @Test
    void a_prefix_is_the_literal_then_anything() {
        assertThat(HttpRegex.path(PathPattern.of("/api/v1/*"))).isEqualTo("/api/v1/.*");
    }

    @Test
    void a_star_inside_a_glob_stays_out_of_the_query_string() {
        assertThat(HttpRegex.path(PathPattern.of("/api/*/orders"))).isEqualTo("/api/[^?]*/orders(\\?.*)?");
    }

    @Test
    void every_regex_metacharacter_of_a_literal_path_is_escaped() {
        assertThat(HttpRegex.path(PathPattern.of("/v1.0/items+x"))).isEqualTo("/v1\\.0/items\\+x(\\?.*)?");
        assertThat(HttpRegex.quote("a.b+c*d?e(f)g|h[i]j{k}l^m$n\\o")).isEqualTo(
                "a\\.b\\+c\\*d\\?e\\(f\\)g\\|h\\[i\\]j\\{k\\}l\\^m\\$n\\\\o");
    }

    @Test
    void every_host_regex_matches_exactly_the_authorities_the_model_matches() {
        List<String> authorities = List.of("shop.example.com", "SHOP.Example.COM", "shop.example.com:8080",
                "shop.example.com.", "shop.example.com.:80", "shop.example.com:", "shopXexample.com",
                "a.shop.example.com", "example.com", ".example.com", "x.example.com", "a.b.example.com",
                "x.example.com:443", "x.example.comm", "xexample.com", "x.example.com.evil.io", "shop.example.com:1:2");
        for (String host : List.of("shop.example.com", "*.example.com")) {
            HttpRule rule = GET("/*").withHost(host);
            Pattern regex = Pattern.compile(HttpRegex.host(host));
            for (String authority : authorities) {
                assertThat(regex.matcher(authority).matches()).as("%s (regex %s) on %s", host, regex, authority)
                        .isEqualTo(rule.matches("GET", "/", authority, Map.of()));
            }
        }
    }

    @Test
    void a_wildcard_host_does_not_match_a_malformed_authority_that_the_model_compares_whole() {
        // a documented narrowing: "a:b:c.example.com" is not host[:port], and Cilium's regex refuses it
        assertThat(GET("/*").withHost("*.example.com").matches("GET", "/", "a:b:c.example.com", Map.of())).isTrue();
        assertThat(Pattern.matches(HttpRegex.host("*.example.com"), "a:b:c.example.com")).isFalse();
    }

    @Test
    void hosts_are_case_insensitive_with_an_optional_trailing_dot_and_port() {
        assertThat(HttpRegex.host("shop.example.com")).isEqualTo("(?i)shop\\.example\\.com\\.?(:[^:]*)?");
        assertThat(HttpRegex.host("*.example.com")).isEqualTo("(?i)[^:]+\\.example\\.com\\.?(:[^:]*)?");
    }

    @Test
    void methods_and_paths_of_a_rule_become_every_combination_each_with_every_header() {
        // given one rule with two methods, two paths and two headers, and a rule for any method
        PolicySet set = policySet("x").intents(API.accepts(
                        http(HttpMethod.GET, HttpMethod.HEAD).paths("/a", "/b/*").withHeader("X-Tenant", "blue green")
                                .withHeader("x-trace"),
                        anyMethod("/admin/*").withHeader("x-admin-token"))
                .from(WEB).on(tcp(8080))).build();
        // then each combination is one Cilium rule with both headers; the header value keeps its space
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: api}}
                ingress:
                - fromEndpoints: [{matchLabels: {app: web}}]
                  toPorts:
                  - ports: [{port: "8080", protocol: TCP}]
                    rules:
                      http:
                      - {path: '/admin/.*', headers: [x-admin-token]}
                      - {path: '/a(\\?.*)?', method: GET, headers: [x-tenant blue green, x-trace]}
                      - {path: '/b/.*', method: GET, headers: [x-tenant blue green, x-trace]}
                      - {path: '/a(\\?.*)?', method: HEAD, headers: [x-tenant blue green, x-trace]}
                      - {path: '/b/.*', method: HEAD, headers: [x-tenant blue green, x-trace]}
                """);
    }

    @Test
    void each_host_of_a_rule_is_a_rule_of_its_own() {
        PolicySet set = policySet("x").intents(API.accepts(POST("/orders").withHost("Shop.Example.com")
                .withHost("*.shop.example.com")).from(WEB).on(tcp(8080))).build();
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: api}}
                ingress:
                - fromEndpoints: [{matchLabels: {app: web}}]
                  toPorts:
                  - ports: [{port: "8080", protocol: TCP}]
                    rules:
                      http:
                      - path: '/orders(\\?.*)?'
                        method: POST
                        host: '(?i)[^:]+\\.shop\\.example\\.com\\.?(:[^:]*)?'
                      - path: '/orders(\\?.*)?'
                        method: POST
                        host: '(?i)shop\\.example\\.com\\.?(:[^:]*)?'
                """);
    }

    @Test
    void grpc_calls_are_post_requests_with_escaped_service_names() {
        PolicySet set = policySet("x").intents(API.accepts(grpc("shop.v1.Cart", "GetCart"), grpc("shop.v1.Ads"))
                .from(WEB).on(tcp(9555))).build();
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: api}}
                ingress:
                - fromEndpoints: [{matchLabels: {app: web}}]
                  toPorts:
                  - ports: [{port: "9555", protocol: TCP}]
                    rules:
                      http:
                      - {path: "/shop\\\\.v1\\\\.Ads/.*", method: POST}
                      - {path: "/shop\\\\.v1\\\\.Cart/GetCart(\\\\?.*)?", method: POST}
                """);
    }

    @Test
    void http_rules_apply_at_egress_too() {
        PolicySet set = policySet("x").intents(allow(WEB).to(API).on(tcp(8080)).requests(DELETE("/api/*/orders"))
                .onlyEgress()).build();
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: web}}
                egress:
                - toEndpoints: [{matchLabels: {app: api}}]
                  toPorts:
                  - ports: [{port: "8080", protocol: TCP}]
                    rules: {http: [{path: "/api/[^?]*/orders(\\\\?.*)?", method: DELETE}]}
                """);
    }
}
