package dev.kordon.simulator.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Verdict;
import org.junit.jupiter.api.Test;

class CalicoTiersTest {

    private static CalicoWorld world() {
        return CalicoWorld.create().namespace("shop").namespace("ops")
                .pod("shop/web", "10.0.0.1", "app=web")
                .pod("shop/db", "10.0.0.2", "app=db")
                .pod("ops/probe", "10.0.1.1", "app=probe");
    }

    private static final String TIERS = """
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: security}
            spec: {order: 100}
            ---
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: platform}
            spec: {order: 200, defaultAction: Pass}
            ---
            """;

    @Test
    void allows_by_the_namespace_profile_when_no_policy_selects_the_pod() {
        // given
        CalicoWorld world = world().policies("");

        // when
        Verdict verdict = world.tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(CalicoWorld.lines(verdict)).containsExactly(
                "[calico egress] Profile kns.shop rule 0: allow - no policy selects shop/web for egress, so no tier"
                        + " applies; the namespace profile kns.shop allows all traffic of Kubernetes pods",
                "[calico ingress] Profile kns.shop rule 0: allow - no policy selects shop/db for ingress, so no tier"
                        + " applies; the namespace profile kns.shop allows all traffic of Kubernetes pods");
    }

    @Test
    void a_pass_jumps_over_the_rest_of_its_tier_to_the_next_tier_that_applies() {
        // given
        CalicoWorld world = world().policies(TIERS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: pass-probes}
                spec:
                  tier: security
                  order: 1
                  selector: app == 'db'
                  ingress: [{action: Pass, source: {selector: app == 'probe', namespaceSelector: all()}}]
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: deny-all}
                spec:
                  tier: security
                  order: 2
                  selector: app == 'db'
                  ingress: [{action: Deny}]
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: allow-probe, namespace: shop}
                spec:
                  selector: app == 'db'
                  ingress: [{action: Allow, source: {namespaceSelector: projectcalico.org/name == 'ops'}}]
                """);

        // when
        Verdict probe = world.tcp("ops/probe", "shop/db", 5432);
        Verdict web = world.tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(probe.allowed()).isTrue();
        assertThat(CalicoWorld.lines(probe)).last().asString().startsWith(
                "[calico ingress default] NetworkPolicy shop/allow-probe rule 0: allow");
        assertThat(web.allowed()).isFalse();
        assertThat(CalicoWorld.lines(web)).last().asString().startsWith(
                "[calico ingress security] GlobalNetworkPolicy deny-all rule 0: deny");
    }

    @Test
    void a_pass_in_the_last_tier_that_applies_reaches_the_profile_which_allows() {
        // given
        CalicoWorld world = world().policies(TIERS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: pass-all}
                spec: {tier: security, selector: app == 'db', ingress: [{action: Pass}]}
                """);

        // when
        Verdict verdict = world.tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(CalicoWorld.lines(verdict)).last().isEqualTo("[calico ingress] Profile kns.shop rule 0: allow -"
                + " every tier that applies passed; the namespace profile kns.shop allows all traffic of Kubernetes"
                + " pods");
    }

    @Test
    void a_tier_ending_in_pass_continues_and_one_ending_in_deny_denies() {
        // given
        CalicoWorld world = world().policies(TIERS + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: platform-nothing}
                spec: {tier: platform, selector: app == 'db', types: [Ingress]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: default-nothing}
                spec: {selector: app == 'db', types: [Ingress]}
                """);

        // when
        Verdict verdict = world.tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(CalicoWorld.lines(verdict)).endsWith(
                "[calico ingress platform] Tier platform: pass - no rule matched: GlobalNetworkPolicy"
                        + " platform-nothing selects shop/db for ingress, so tier platform applies, and it ends in"
                        + " Pass: evaluation continues with the next tier",
                "[calico ingress default] Tier default: deny - no rule matched: GlobalNetworkPolicy default-nothing"
                        + " selects shop/db for ingress, so tier default applies, and it ends in Deny; none of them"
                        + " has an Allow rule for ingress");
    }

    @Test
    void a_tier_whose_policies_govern_only_the_other_direction_does_not_apply() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: ingress-only, namespace: shop}
                spec: {selector: app == 'web', types: [Ingress]}
                """);

        // when
        Verdict out = world.tcp("shop/web", "ops/probe", 80);
        Verdict in = world.tcp("ops/probe", "shop/web", 80);

        // then
        assertThat(out.allowed()).isTrue();
        assertThat(in.allowed()).isFalse();
    }

    @Test
    void policies_run_by_order_with_unset_order_last_and_ties_broken_by_name() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: a-unordered-allow}
                spec: {selector: app == 'db', ingress: [{action: Allow}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: z-deny}
                spec: {selector: app == 'db', order: 10, ingress: [{action: Deny}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: b-allow}
                spec: {selector: app == 'db', order: 10, ingress: [{action: Allow}]}
                """);

        // when
        Verdict verdict = world.tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(CalicoWorld.lines(verdict)).last().asString()
                .startsWith("[calico ingress default] GlobalNetworkPolicy b-allow rule 0: allow");
    }

    @Test
    void a_log_rule_records_and_continues() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: log-then-deny}
                spec: {selector: app == 'db', ingress: [{action: Log}, {action: Deny}]}
                """);

        // when
        Verdict verdict = world.tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(CalicoWorld.lines(verdict).subList(1, 3)).containsExactly(
                "[calico ingress default] GlobalNetworkPolicy log-then-deny rule 0: log - rule 0 (Log) matches: the"
                        + " rule has no criteria, so every flow matches; evaluation continues",
                "[calico ingress default] GlobalNetworkPolicy log-then-deny rule 1: deny - rule 1 (Deny) matches: the"
                        + " rule has no criteria, so every flow matches");
    }

    @Test
    void types_default_to_egress_alone_when_only_egress_rules_are_written() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: egress-only, namespace: shop}
                spec:
                  selector: app == 'web'
                  egress: [{action: Allow, protocol: TCP, destination: {ports: [5432]}}]
                """);

        // when
        Verdict in = world.tcp("ops/probe", "shop/web", 80);
        Verdict outAllowed = world.tcp("shop/web", "shop/db", 5432);
        Verdict outDenied = world.tcp("shop/web", "shop/db", 80);

        // then
        assertThat(in.allowed()).isTrue();
        assertThat(outAllowed.allowed()).isTrue();
        assertThat(outDenied.allowed()).isFalse();
    }

    @Test
    void a_calico_policy_ordered_before_1000_overrides_kubernetes_network_policy_in_the_default_tier() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-all, namespace: shop}
                spec: {podSelector: {}, ingress: [{}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: deny-probes}
                spec:
                  order: 500
                  selector: all()
                  ingress: [{action: Deny, source: {namespaceSelector: projectcalico.org/name == 'ops'}}]
                """);

        // when
        Verdict probe = world.tcp("ops/probe", "shop/db", 5432);
        Verdict web = world.tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(probe.allowed()).isFalse();
        assertThat(web.allowed()).isTrue();
        assertThat(CalicoWorld.lines(web)).last().asString()
                .startsWith("[calico ingress default] NetworkPolicy shop/allow-all rule 0: allow");
    }

    @Test
    void a_staged_policy_is_reported_but_never_enforced() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: projectcalico.org/v3
                kind: StagedGlobalNetworkPolicy
                metadata: {name: staged-deny}
                spec: {selector: app == 'db', ingress: [{action: Deny}]}
                """);

        // when
        Verdict verdict = world.tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(CalicoWorld.lines(verdict).subList(1, 3)).containsExactly(
                "[calico ingress] staged - StagedGlobalNetworkPolicy staged-deny (staged: reported, never enforced)"
                        + " concerns shop/db; with the staged policies in force the verdict would be deny: tier"
                        + " default, StagedGlobalNetworkPolicy staged-deny rule 0: rule 0 (Deny) matches: the rule"
                        + " has no criteria, so every flow matches",
                "[calico ingress] Profile kns.shop rule 0: allow - no policy selects shop/db for ingress, so no tier"
                        + " applies; the namespace profile kns.shop allows all traffic of Kubernetes pods");
    }

    @Test
    void a_staged_delete_shows_what_removing_the_enforced_policy_would_do() {
        // given
        CalicoWorld world = world().policies("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: deny-web, namespace: shop}
                spec: {selector: app == 'db', ingress: [{action: Deny, source: {selector: app == 'web'}}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: StagedNetworkPolicy
                metadata: {name: deny-web, namespace: shop}
                spec: {stagedAction: Delete, selector: app == 'db'}
                """);

        // when
        Verdict verdict = world.tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(CalicoWorld.lines(verdict).get(1)).contains("with the staged policies in force the verdict would"
                + " be allow");
    }
}
