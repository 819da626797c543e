package dev.kordon.simulator.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTP rules: enforced only with Application Layer Policy (Dikastes), with v3.32 path normalisation. */
class CalicoHttpTest {

    private static final String POLICY = """
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              selector: app == 'api'
              ingress:
              - action: Allow
                protocol: TCP
                destination: {ports: [8080]}
                http:
                  methods: [GET]
                  paths: [{prefix: /pub/}, {exact: /health}]
            """;

    private static CalicoWorld world() {
        return CalicoWorld.create().namespace("shop")
                .pod("shop/web", "10.0.0.1", "app=web")
                .pod("shop/api", "10.0.0.2", "app=api");
    }

    @Test
    void without_application_layer_policy_an_http_rule_is_enforced_at_l4_only() {
        // given
        CalicoWorld world = world().policies(POLICY);

        // when
        Verdict verdict = world.http("shop/web", "shop/api", 8080, "DELETE", "/admin");

        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(CalicoWorld.lines(verdict)).last().isEqualTo("[calico ingress default] NetworkPolicy shop/api"
                + " rule 0: allow - rule 0 (Allow) matches: protocol TCP, destination port TCP/8080 in ports [8080],"
                + " its http methods [GET] paths [prefix /pub/, exact /health] is not enforced without Application"
                + " Layer Policy, so the rule matches at L4");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /pub, true",
        "GET, /pub/x, true",
        "GET, /pub/x?y=1, true",
        "GET, /public, false",
        "GET, /pub/../admin, false",
        "GET, /pub/%2e%2e/admin, false",
        "GET, /pub/%252e%252e/admin, false",
        "GET, /pub;x=1/y, true",
        "GET, //pub//y, true",
        "GET, /health, true",
        "GET, /health/, true",
        "GET, /healthz, false",
        "get, /health, false",
        "POST, /pub/x, false"
    })
    void with_application_layer_policy_methods_and_segment_aware_paths_decide(String method, String path,
            boolean allowed) {
        // given
        CalicoWorld world = world().applicationLayerPolicy().policies(POLICY);

        // when
        Verdict verdict = world.http("shop/web", "shop/api", 8080, method, path);

        // then
        assertThat(verdict.allowed()).as(verdict.explain()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /pub/x, true",
        "GET, /pub/x?y=1, true",
        "GET, /pub/../admin, true",
        "GET, /pub, false",
        "GET, /health, true",
        "GET, /health/, false",
        "GET, /health?probe=1, true",
        "GET, /healthz, false"
    })
    void before_calico_3_31_7_a_prefix_is_a_plain_string_prefix(String method, String path, boolean allowed) {
        // given
        CalicoWorld world = world().applicationLayerPolicyBefore3317().policies(POLICY);

        // when
        Verdict verdict = world.http("shop/web", "shop/api", 8080, method, path);

        // then
        assertThat(verdict.allowed()).as(verdict.explain()).isEqualTo(allowed);
    }

    @Test
    void before_calico_3_31_7_a_prefix_also_matches_longer_segments() {
        // given: prefix /pub (without a slash), which v3.31.7 reads as a segment
        CalicoWorld raw = world().applicationLayerPolicyBefore3317().policies(POLICY.replace("{prefix: /pub/}",
                "{prefix: /pub}"));
        CalicoWorld current = world().applicationLayerPolicy().policies(POLICY.replace("{prefix: /pub/}",
                "{prefix: /pub}"));

        // when / then
        assertThat(raw.http("shop/web", "shop/api", 8080, "GET", "/public").allowed()).isTrue();
        assertThat(current.http("shop/web", "shop/api", 8080, "GET", "/public").allowed()).isFalse();
        assertThat(CalicoWorld.lines(raw.http("shop/web", "shop/api", 8080, "GET", "/private"))).last().asString()
                .endsWith("HTTP path /private matches none of paths [prefix /pub, exact /health] (compared as plain"
                        + " strings, as Calico before v3.31.7 does)");
    }

    @Test
    void a_refused_request_names_the_rule_and_what_differed() {
        // given
        CalicoWorld world = world().applicationLayerPolicy().policies(POLICY);

        // when
        Verdict verdict = world.http("shop/web", "shop/api", 8080, "GET", "/public");

        // then
        assertThat(CalicoWorld.lines(verdict)).last().isEqualTo("[calico ingress default] Tier default: deny - no"
                + " rule matched: NetworkPolicy shop/api selects shop/api for ingress, so tier default applies, and it"
                + " ends in Deny; nearest miss: NetworkPolicy shop/api rule 0 (Allow): HTTP path /public matches none"
                + " of paths [prefix /pub/, exact /health]");
    }

    @Test
    void with_application_layer_policy_a_flow_without_a_request_passes_the_http_clause() {
        // given
        CalicoWorld world = world().applicationLayerPolicy().policies(POLICY);

        // then
        assertThat(world.tcp("shop/web", "shop/api", 8080).allowed()).isTrue();
        assertThat(world.tcp("shop/web", "shop/api", 8081).allowed()).isFalse();
    }
}
