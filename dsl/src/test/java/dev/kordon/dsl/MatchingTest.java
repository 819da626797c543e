package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.GET;
import static dev.kordon.dsl.Kordon.anyMethod;
import static dev.kordon.dsl.Kordon.grpc;
import static dev.kordon.dsl.Kordon.label;
import static dev.kordon.dsl.Kordon.labels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matching helpers that later stages (reference semantics, simulator) build on. */
class MatchingTest {

    @Test
    void label_selectors_follow_kubernetes_semantics() {
        LabelSelector web = labels("app", "web").and(label("tier").notIn("db")).and(label("env").exists());
        assertThat(web.matches(Map.of("app", "web", "env", "prod"))).isTrue();
        assertThat(web.matches(Map.of("app", "web", "env", "prod", "tier", "db"))).isFalse();
        assertThat(web.matches(Map.of("app", "web"))).isFalse();
        assertThat(label("x").doesNotExist().matches(Map.of())).isTrue();
        assertThat(label("x").in("a").matches(Map.of())).isFalse();
        assertThat(LabelSelector.matchingAll().matches(Map.of("any", "thing"))).isTrue();
    }

    @Test
    void label_selectors_print_in_kubernetes_syntax() {
        assertThat(labels("app", "web").and(label("tier").notIn("db", "cache")).and(label("env").exists())
                .and(label("legacy").doesNotExist()).toString())
                .isEqualTo("{!legacy,app=web,env,tier notin (cache,db)}");
    }

    @Test
    void path_patterns_are_exact_prefix_or_glob() {
        assertThat(PathPattern.of("/api/users").kind()).isEqualTo(PathPattern.Kind.EXACT);
        assertThat(PathPattern.of("/api/*").kind()).isEqualTo(PathPattern.Kind.PREFIX);
        assertThat(PathPattern.of("/api/*/orders").kind()).isEqualTo(PathPattern.Kind.GLOB);
        assertThat(PathPattern.prefix("/api/")).isEqualTo(PathPattern.of("/api/*"));
        assertThat(PathPattern.of("/api/*/orders").literalPrefix()).isEqualTo("/api/");
    }

    @Test
    void path_patterns_match_without_the_query_string() {
        assertThat(PathPattern.of("/api/*").matches("/api/users/7")).isTrue();
        assertThat(PathPattern.of("/api/*").matches("/api")).isFalse();
        assertThat(PathPattern.of("/api/users").matches("/api/users?page=2")).isTrue();
        assertThat(PathPattern.of("/api/users").matches("/api/users/2")).isFalse();
        assertThat(PathPattern.of("/api/*/orders").matches("/api/v1/eu/orders")).isTrue();
        assertThat(PathPattern.of("/a.b").matches("/aXb")).isFalse();
    }

    @Test
    void dns_wildcards_cover_subdomains_but_not_the_apex() {
        DnsName wildcard = new DnsName("*.Example.com.");
        assertThat(wildcard.pattern()).isEqualTo("*.example.com");
        assertThat(wildcard.matches("api.example.com")).isTrue();
        assertThat(wildcard.matches("a.b.example.com")).isTrue();
        assertThat(wildcard.matches("example.com")).isFalse();
        assertThat(wildcard.matches("badexample.com")).isFalse();
        assertThat(new DnsName("api.example.com").matches("API.example.com.")).isTrue();
    }

    @Test
    void http_rules_and_their_fields() {
        HttpRule rule = GET("/api/*").withHost("shop.example").withHeader("X-Tenant", "a").withHeader("x-trace");
        assertThat(rule.matches("GET", "/api/x", "shop.example:8080", Map.of("x-tenant", "a", "X-Trace", "1")))
                .isTrue();
        assertThat(rule.matches("POST", "/api/x", "shop.example", Map.of("x-tenant", "a", "x-trace", "1"))).isFalse();
        assertThat(rule.matches("GET", "/api/x", "other.example", Map.of("x-tenant", "a", "x-trace", "1"))).isFalse();
        assertThat(rule.matches("GET", "/api/x", "shop.example", Map.of("x-tenant", "b", "x-trace", "1"))).isFalse();
        assertThat(rule.matches("GET", "/api/x", "shop.example", Map.of("x-tenant", "a"))).isFalse();
        assertThat(rule.toString()).isEqualTo("GET /api/* host=shop.example header[x-tenant=a,x-trace]");
        assertThat(anyMethod("/health").matches("DELETE", "/health", "", Map.of())).isTrue();
    }

    @Test
    void grpc_is_an_http2_post_to_the_service_path() {
        assertThat(grpc("shop.Cart", "GetCart")).isEqualTo(HttpRule.of(java.util.List.of(HttpMethod.POST),
                java.util.List.of(PathPattern.of("/shop.Cart/GetCart"))));
        assertThat(grpc("shop.Cart").matches("POST", "/shop.Cart/AddItem", "", Map.of())).isTrue();
        assertThat(grpc("shop.Cart").matches("POST", "/shop.Catalog/List", "", Map.of())).isFalse();
    }

    @Test
    void one_rule_can_name_several_methods() {
        HttpRule admin = Kordon.http(HttpMethod.GET, HttpMethod.POST).paths("/api/admin*");
        assertThat(admin.methods()).containsExactly(HttpMethod.GET, HttpMethod.POST);
        assertThat(admin.matches("POST", "/api/admin/users", "", Map.of())).isTrue();
        assertThat(admin.matches("DELETE", "/api/admin/users", "", Map.of())).isFalse();
        assertThat(admin.toString()).isEqualTo("GET,POST /api/admin*");
    }
}
