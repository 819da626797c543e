package dev.kordon.simulator.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Decision.Outcome;
import org.junit.jupiter.api.Test;

/** The decision table of AuthorizationPolicy: which policies apply, CUSTOM, DENY, ALLOW, AUDIT, dry-run. */
class AuthorizationPolicyTest {

    private static final String HEADER = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            """;

    private final MeshFixture mesh = MeshFixture.cluster()
            .pod("shop/web", "10.0.0.1", "app=web")
            .pod("shop/api", "10.0.0.2", "app=api")
            .pod("other/api", "10.0.1.2", "app=api");

    private static String policy(String namespace, String name, String spec) {
        return HEADER + "metadata: {name: " + name + ", namespace: " + namespace + "}\nspec:\n"
                + spec.indent(2);
    }

    @Test
    void leaves_a_workload_no_policy_applies_to_unenforced() {
        // given
        mesh.with(policy("shop", "web-only", "selector: {matchLabels: {app: web}}\nrules: [{}]"));

        // when
        var decision = mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/"));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENFORCED);
        assertThat(decision.steps().get(decision.steps().size() - 1).reason())
                .isEqualTo("no AuthorizationPolicy applies to shop/api");
    }

    @Test
    void denies_what_an_allow_policy_does_not_match() {
        // given
        mesh.with(policy("shop", "get-only", """
                selector: {matchLabels: {app: api}}
                rules:
                - to: [{operation: {methods: [GET]}}]"""));

        // when / then
        assertThat(mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/")).outcome())
                .isEqualTo(Outcome.ALLOW);
        assertThat(mesh.decide(mesh.http("shop/web", "shop/api", 8080, "POST", "/")).outcome())
                .isEqualTo(Outcome.DENY);
    }

    @Test
    void an_allow_policy_without_rules_allows_nothing() {
        // given
        mesh.with(policy("shop", "allow-nothing", "{}"));

        // when
        var decision = mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/"));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.steps().get(decision.steps().size() - 1).reason()).isEqualTo("ALLOW policies apply to"
                + " shop/api (AuthorizationPolicy shop/allow-nothing) and none of their rules matches; they have no"
                + " rules, so they allow nothing");
    }

    @Test
    void an_empty_rule_allows_everything() {
        // given
        mesh.with(policy("shop", "allow-all", "rules: [{}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 9000)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void an_empty_rule_in_a_deny_policy_denies_everything() {
        // given
        mesh.with(policy("shop", "deny-all", "action: DENY\nrules: [{}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 9000)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_deny_policy_without_rules_has_no_effect() {
        // given
        mesh.with(policy("shop", "deny-nothing", "action: DENY"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 9000)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void deny_wins_over_allow() {
        // given
        mesh.with(policy("shop", "allow-all", "rules: [{}]") + "---\n"
                + policy("shop", "deny-post", "action: DENY\nrules: [{to: [{operation: {methods: [POST]}}]}]"));

        // when
        var decision = mesh.decide(mesh.http("shop/web", "shop/api", 8080, "POST", "/x"));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.steps().get(decision.steps().size() - 1).toString()).isEqualTo("[istio mesh DENY]"
                + " AuthorizationPolicy shop/deny-post rule 0: deny - rule 0 matches: methods [POST] matches method"
                + " POST");
    }

    @Test
    void an_audit_policy_never_changes_the_decision() {
        // given
        mesh.with(policy("shop", "audit-all", "action: AUDIT\nrules: [{}]"));

        // when
        var decision = mesh.decide(mesh.tcp("shop/web", "shop/api", 9000));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.steps()).anyMatch(step -> step.outcome().equals("audit"));
    }

    @Test
    void a_dry_run_deny_policy_is_evaluated_but_not_enforced() {
        // given
        mesh.with(HEADER + """
                metadata:
                  name: deny-all
                  namespace: shop
                  annotations: {istio.io/dry-run: "true"}
                spec:
                  action: DENY
                  rules: [{}]
                """);

        // when
        var decision = mesh.decide(mesh.tcp("shop/web", "shop/api", 9000));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.steps()).extracting(Object::toString).contains("[istio mesh DENY] AuthorizationPolicy"
                + " shop/deny-all rule 0: dry-run - istio.io/dry-run: evaluated, not enforced; it would deny");
    }

    @Test
    void a_dry_run_allow_policy_does_not_turn_on_default_deny() {
        // given
        mesh.with(HEADER + """
                metadata:
                  name: allow-nothing
                  namespace: shop
                  annotations: {istio.io/dry-run: "true"}
                spec: {}
                """);

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 9000)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void a_matching_custom_policy_is_ambiguous_because_its_provider_decides() {
        // given
        mesh.with(policy("shop", "ext", "action: CUSTOM\nprovider: {name: opa}\nrules: [{to: [{operation:"
                + " {paths: [/admin*]}}]}]"));

        // when
        var decision = mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/admin/x"));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(decision.steps().get(decision.steps().size() - 1).reason()).isEqualTo("matches, so the request"
                + " goes to extension provider 'opa', whose answer decides and which the simulator cannot ask");
        assertThat(mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/public")).outcome())
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void a_custom_policy_cannot_undo_a_deny() {
        // given
        mesh.with(policy("shop", "ext", "action: CUSTOM\nprovider: {name: opa}\nrules: [{}]") + "---\n"
                + policy("shop", "deny-all", "action: DENY\nrules: [{}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 80)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_root_namespace_policy_without_selector_applies_to_every_namespace() {
        // given
        mesh.with(policy("istio-system", "mesh-deny", "action: DENY\nrules: [{to: [{operation: {ports: ['22']}}]}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "other/api", 22)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 22)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_root_namespace_policy_with_a_selector_applies_to_matching_workloads_everywhere() {
        // given
        mesh.with(policy("istio-system", "api-only", "selector: {matchLabels: {app: api}}\n"
                + "action: DENY\nrules: [{}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/api", "shop/web", 80)).outcome()).isEqualTo(Outcome.NOT_ENFORCED);
        assertThat(mesh.decide(mesh.tcp("shop/web", "other/api", 80)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_policy_applies_only_in_its_own_namespace() {
        // given
        mesh.with(policy("shop", "deny-api", "selector: {matchLabels: {app: api}}\naction: DENY\nrules: [{}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "other/api", 80)).outcome()).isEqualTo(Outcome.NOT_ENFORCED);
    }

    @Test
    void a_selector_selects_only_workloads_with_all_its_labels() {
        // given
        mesh.with(policy("shop", "deny", "selector: {matchLabels: {app: api, tier: backend}}\naction: DENY\n"
                + "rules: [{}]"));

        // when / then
        assertThat(mesh.decide(mesh.tcp("shop/web", "shop/api", 80)).outcome()).isEqualTo(Outcome.NOT_ENFORCED);
    }

    @Test
    void a_policy_without_namespace_lives_in_default() {
        // given
        MeshFixture defaults = MeshFixture.cluster().pod("default/db", "10.0.2.1").pod("shop/web", "10.0.0.1");
        defaults.with(HEADER + "metadata: {name: deny-all}\nspec: {action: DENY, rules: [{}]}\n");

        // when / then
        assertThat(defaults.decide(defaults.tcp("shop/web", "default/db", 5432)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void a_policy_targeting_a_gateway_applies_to_its_pods_only() {
        // given
        MeshFixture gateways = MeshFixture.cluster()
                .pod("edge/gw", "10.0.3.1", "gateway.networking.k8s.io/gateway-name=public")
                .pod("edge/app", "10.0.3.2", "app=x");
        gateways.with(policy("edge", "gw-deny", """
                targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: public}]
                action: DENY
                rules: [{}]"""));

        // when / then
        assertThat(gateways.decide(gateways.tcp("ip:1.2.3.4", "edge/gw", 443)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(gateways.decide(gateways.tcp("ip:1.2.3.4", "edge/app", 443)).outcome())
                .isEqualTo(Outcome.NOT_ENFORCED);
    }

    @Test
    void skips_a_rule_with_an_unknown_condition_key() {
        // given
        mesh.with(policy("shop", "deny", """
                action: DENY
                rules:
                - when: [{key: request.colour, values: [red]}]"""));

        // when
        var decision = mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/"));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void explains_a_skipped_rule_when_every_allow_rule_was_skipped() {
        // given
        mesh.with(policy("shop", "odd", "rules:\n- when: [{key: request.colour, values: [red]}]"));

        // when
        var decision = mesh.decide(mesh.http("shop/web", "shop/api", 8080, "GET", "/"));

        // then
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.steps().get(decision.steps().size() - 1).reason()).isEqualTo("ALLOW policies apply to"
                + " shop/api (AuthorizationPolicy shop/odd) and none of their rules matches; every rule was skipped,"
                + " e.g. rule 0 of AuthorizationPolicy shop/odd: when[0] has the unknown key 'request.colour', so"
                + " Istio skips the rule");
    }
}
