package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertDeclaredIn;
import static dev.kordon.dsl.Problems.assertProblem;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP rules: methods, paths, hosts, headers, and rules that match every request. */
class HttpValidationTest {

    private static final String RULE = "policySets[shop].intents[x].http[0]";
    private static final String METHOD_HINT = "methods are upper-case and case-sensitive; use one of GET, HEAD, POST,"
            + " PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH";
    private static final String DNS_HINT = "write a name such as 'api.example.com', or '*.example.com' for every"
            + " subdomain; '*' may only stand as the whole first label";
    private static final String HEADER_NAME_HINT = "use letters, digits and !#$%&'*+-.^_`|~ only; match the host with"
            + " withHost(...)";
    private static final String WHITESPACE_HINT = "percent-encode it, e.g. '%20' for a space";

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));
    private static final Workload API = workload("shop", "api", labels("app", "api"));

    private static PolicySet.Builder apiAccepts(HttpRule rule) {
        return policySet("shop").intents(API.accepts(rule).from(WEB).on(tcp(8080)).named("x"));
    }

    // ---- the rule as a whole -----------------------------------------------------------------------------------

    @Test
    void rejects_http_rule_that_matches_every_request() {
        // given
        PolicySet.Builder set = apiAccepts(new HttpRule(List.of(), List.of(), List.of(), List.of()));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE, "HTTP rule matches every request",
                "name methods or paths; for access without HTTP limits leave the HTTP rules out");
        assertDeclaredIn(problem, HttpValidationTest.class);
    }

    @Test
    void reports_a_rule_at_its_index_in_canonical_order() {
        // given: rules are kept sorted by their text, so "GET /ok" comes before "POST bad"
        PolicySet.Builder set = policySet("shop")
                .intents(API.accepts(POST("bad"), GET("/ok")).from(WEB).on(tcp(8080)).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, "policySets[shop].intents[x].http[1].paths[0]", "HTTP path must start with '/': 'bad'",
                "write '/bad'");
    }

    // ---- methods -----------------------------------------------------------------------------------------------

    @Test
    void rejects_lower_case_http_method() {
        // given
        PolicySet.Builder set = apiAccepts(method(HttpMethod.of("get"), "/api/*"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".methods[0]", "unknown HTTP method: 'get'", METHOD_HINT);
    }

    @Test
    void rejects_unknown_http_method() {
        // given
        PolicySet.Builder set = apiAccepts(method(HttpMethod.of("FETCH"), "/api/*"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".methods[0]", "unknown HTTP method: 'FETCH'", METHOD_HINT);
    }

    // ---- paths -------------------------------------------------------------------------------------------------

    @Test
    void rejects_path_without_leading_slash() {
        // given
        PolicySet.Builder set = apiAccepts(GET("api/orders"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".paths[0]", "HTTP path must start with '/': 'api/orders'",
                "write '/api/orders'");
    }

    @Test
    void rejects_path_with_a_query() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/api/orders?page=1"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".paths[0]", "HTTP path must not contain a query or fragment: '/api/orders?page=1'",
                "paths are matched without the query string; drop everything from '?' or '#'");
    }

    @Test
    void rejects_path_with_a_fragment() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/docs#intro"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".paths[0]", "HTTP path must not contain a query or fragment: '/docs#intro'",
                "paths are matched without the query string; drop everything from '?' or '#'");
    }

    @Test
    void rejects_path_with_whitespace() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/api/my orders"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".paths[0]",
                "HTTP path contains whitespace or a control character: '/api/my orders'", WHITESPACE_HINT);
    }

    @Test
    void rejects_path_with_a_control_character() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/api/\u007forders"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".paths[0]",
                "HTTP path contains whitespace or a control character: '/api/\u007forders'", WHITESPACE_HINT);
    }

    @Test
    void rejects_path_glob_with_double_star() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/api/**"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".paths[0]", "HTTP path glob contains '**': '/api/**'",
                "a single '*' already matches across '/', e.g. '/api/*'");
    }

    @Test
    void reports_every_problem_of_one_path() {
        // given
        PolicySet.Builder set = apiAccepts(GET("api?x"));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).extracting(Problem::path, Problem::message).containsExactly(
                tuple(RULE + ".paths[0]", "HTTP path must not contain a query or fragment: 'api?x'"),
                tuple(RULE + ".paths[0]", "HTTP path must start with '/': 'api?x'"));
    }

    @Test
    void accepts_exact_prefix_and_glob_paths() {
        // given
        PolicySet.Builder set = policySet("shop").intents(API.accepts(GET("/health"), GET("/api/*"),
                anyMethod("/api/*/orders"), grpc("shop.Cart"), grpc("shop.Cart", "GetCart")).from(WEB).on(tcp(8080)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- hosts -------------------------------------------------------------------------------------------------

    @Test
    void rejects_host_that_is_not_a_dns_pattern() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/api/*").withHost("shop_example!"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".hosts[0]", "not a host name pattern: 'shop_example!'", DNS_HINT);
    }

    @Test
    void rejects_host_with_a_wildcard_in_the_middle() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/api/*").withHost("api.*.example.com"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".hosts[0]", "not a host name pattern: 'api.*.example.com'", DNS_HINT);
    }

    @Test
    void accepts_single_label_wildcard_and_mixed_case_hosts() {
        // given
        PolicySet.Builder set = policySet("shop").intents(API.accepts(
                GET("/api/*").withHost("backend").withHost("*.shop.example").withHost("API.Shop.Example"))
                .from(WEB).on(tcp(8080)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- headers -----------------------------------------------------------------------------------------------

    @Test
    void rejects_header_name_with_a_space() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/api/*").withHeader("x tenant"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".headers[0]", "HTTP header name is not a token: 'x tenant'", HEADER_NAME_HINT);
    }

    @Test
    void rejects_pseudo_header_name_and_points_to_with_host() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/api/*").withHeader(":authority", "shop.example"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".headers[0]", "HTTP header name is not a token: ':authority'",
                HEADER_NAME_HINT);
    }

    @Test
    void rejects_header_value_with_a_line_break() {
        // given
        PolicySet.Builder set = apiAccepts(GET("/api/*").withHeader("x-tenant", "a\r\nx-admin: true"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, RULE + ".headers[0]", "HTTP header value contains a control character",
                "remove line breaks and other control characters from the value");
        assertDeclaredIn(problem, HttpValidationTest.class);
    }

    @Test
    void accepts_mixed_case_header_names_and_values_with_tabs_and_spaces() {
        // given
        PolicySet.Builder set = policySet("shop").intents(API.accepts(
                GET("/api/*").withHeader("X-Tenant", "team a\tb").withHeader("X-Request-Id"))
                .from(WEB).on(tcp(8080)));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }
}
