package dev.kordon.dsl;

import static dev.kordon.dsl.GuideWorkloads.BACKEND;
import static dev.kordon.dsl.GuideWorkloads.FRONTEND;
import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/dsl.md}, sections "Guardrails" and "Observation", each written exactly as the guide
 * shows it, with the model it must produce.
 */
class DslGuideGuardrailExamplesTest {

    // ---- Guardrails --------------------------------------------------------------------------------------------

    @Test
    void deny_egress_to_the_cloud_metadata_address_from_every_pod() {
        // when
        Connection metadata = guardrail("block-cloud-metadata").admin(10).deny()
                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic());

        // then
        assertThat(metadata.name()).isEqualTo("block-cloud-metadata");
        assertThat(metadata).extracting(Connection::tier, Connection::priority, Connection::action)
                .containsExactly(Tier.ADMIN, 10, Action.DENY);
        assertThat(metadata.isGuardrail()).isTrue();
        assertThat(metadata.sources()).containsExactly(allPods());
        assertThat(metadata.destinations()).containsExactly(cidr("169.254.169.254/32"));
        assertThat(metadata.ports()).containsExactly(anyTraffic());
        assertThat(metadata.enforcedAt()).containsExactly(Direction.EGRESS);
    }

    @Test
    void deny_ingress_on_ssh_rdp_and_postgres_cluster_wide() {
        // when
        Connection adminPorts = guardrail("block-ssh-rdp-postgres").admin(20).deny()
                .ingressTo(allPods()).from(anywhere()).on(tcp(22), tcp(3389), tcp(5432));

        // then
        assertThat(adminPorts.name()).isEqualTo("block-ssh-rdp-postgres");
        assertThat(adminPorts).extracting(Connection::tier, Connection::priority, Connection::action)
                .containsExactly(Tier.ADMIN, 20, Action.DENY);
        assertThat(adminPorts.sources()).containsExactly(Entity.ANYWHERE);
        assertThat(adminPorts.destinations()).containsExactly(allPods());
        assertThat(adminPorts.ports()).containsExactly(tcp(22), tcp(3389), tcp(5432));
        assertThat(adminPorts.enforcedAt()).containsExactly(Direction.INGRESS);
    }

    @Test
    void tenant_a_may_not_reach_tenant_b() {
        // when
        Connection tenants = guardrail("tenant-a-not-to-tenant-b").admin(30).deny()
                .egressFrom(namespaces(labels("tenant", "a"))).to(namespaces(labels("tenant", "b"))).on(anyTraffic());

        // then
        assertThat(tenants).extracting(Connection::tier, Connection::priority, Connection::action)
                .containsExactly(Tier.ADMIN, 30, Action.DENY);
        assertThat(tenants.sources()).containsExactly(pods(inNamespaces(labels("tenant", "a")), LabelSelector.matchingAll()));
        assertThat(tenants.destinations()).containsExactly(namespaces(labels("tenant", "b")));
        assertThat(tenants.enforcedAt()).containsExactly(Direction.EGRESS);
        assertThat(tenants).hasToString("tenant-a-not-to-tenant-b: admin(30) deny pods(ns{tenant=a} {})"
                + " -> pods(ns{tenant=b} {}) on any at egress");
    }

    @Test
    void platform_guardrails_in_one_policy_set() {
        // when
        PolicySet platform = policySet("platform-guardrails")
                .owner("platform-team")
                .intents(
                        guardrail("block-cloud-metadata").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("169.254.169.254/32")).on(anyTraffic()),
                        guardrail("block-ssh-rdp-postgres").admin(20).deny()
                                .ingressTo(allPods()).from(anywhere()).on(tcp(22), tcp(3389), tcp(5432)),
                        guardrail("tenant-a-not-to-tenant-b").admin(30).deny()
                                .egressFrom(namespaces(labels("tenant", "a"))).to(namespaces(labels("tenant", "b")))
                                .on(anyTraffic()))
                .build();

        // then
        assertThat(platform.connections()).allMatch(Connection::isGuardrail);
        assertThat(platform).hasToString("""
                policy set platform-guardrails (owner: platform-team, 3 intents)
                  intents:
                    block-cloud-metadata      admin[10] deny pods(* {}) -> cidr(169.254.169.254/32) on any (egress)
                    block-ssh-rdp-postgres    admin[20] deny anywhere -> pods(* {}) on tcp/22, tcp/3389, tcp/5432 (ingress)
                    tenant-a-not-to-tenant-b  admin[30] deny pods(ns{tenant=a} {}) -> pods(ns{tenant=b} {}) on any (egress)
                """);
    }

    @Test
    void baseline_default_and_admin_pass() {
        // when
        Connection crossNamespace = guardrail("baseline-deny-cross-namespace").baseline(1000).deny()
                .ingressTo(allPods()).from(allPods()).on(anyTraffic());
        Connection monitoring = guardrail("monitoring-decided-by-teams").admin(5).pass()
                .ingressTo(allPods()).from(namespace("monitoring")).on(tcp(9090));

        // then
        assertThat(crossNamespace).extracting(Connection::tier, Connection::priority, Connection::action)
                .containsExactly(Tier.BASELINE, 1000, Action.DENY);
        assertThat(monitoring).extracting(Connection::tier, Connection::priority, Connection::action)
                .containsExactly(Tier.ADMIN, 5, Action.PASS);
        assertThat(monitoring.sources()).containsExactly(namespace("monitoring"));
        assertThat(monitoring.enforcedAt()).containsExactly(Direction.INGRESS);
    }

    @Test
    void guardrails_with_same_tier_and_priority_that_disagree_are_ambiguous() {
        // given
        PolicySet platform = policySet("platform")
                .intents(
                        guardrail("deny-internal").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(anyTraffic()),
                        guardrail("allow-monitoring").admin(10).allow()
                                .egressFrom(namespace("monitoring")).to(cidr("10.1.0.0/16")).on(tcp(9100)))
                .buildUnvalidated();

        // when
        ValidationResult result = platform.validate();

        // then
        assertThat(result.problems()).extracting(Problem::path).containsExactly(
                "policySets[platform].intents[allow-monitoring]");
        assertThat(result.problems().get(0).declaredAt()).hasSize(2)
                .allMatch(location -> location.matches("DslGuideGuardrailExamplesTest\\.java:\\d+"));
        assertThat(result.toString().replaceAll("DslGuideGuardrailExamplesTest\\.java:\\d+", "Here.java:N"))
                .isEqualTo("""
                        policy set 'platform' has 1 problem:
                        - policySets[platform].intents[allow-monitoring]: intents 'allow-monitoring' (allow) and \
                        'deny-internal' (deny) have the same tier and priority (admin 10) and can match the same \
                        traffic, so which one applies is undefined (declared at Here.java:N, Here.java:N)
                            fix: give one of them a different priority (lower is evaluated first), or narrow them so \
                        that they cannot overlap""");
    }

    @Test
    void a_different_priority_orders_the_two_guardrails() {
        // when
        PolicySet platform = policySet("platform")
                .intents(
                        guardrail("deny-internal").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(anyTraffic()),
                        guardrail("allow-monitoring").admin(9).allow()
                                .egressFrom(namespace("monitoring")).to(cidr("10.1.0.0/16")).on(tcp(9100)))
                .build();

        // then
        assertThat(platform.validate().isValid()).isTrue();
        assertThat(platform.connections()).extracting(Connection::name, Connection::priority)
                .containsExactly(tuple("allow-monitoring", 9), tuple("deny-internal", 10));
    }

    @Test
    void guardrails_in_different_directions_do_not_clash() {
        // when
        PolicySet platform = policySet("platform")
                .intents(
                        guardrail("deny-egress-to-internal").admin(10).deny()
                                .egressFrom(allPods()).to(namespace("internal")).on(anyTraffic()),
                        guardrail("allow-ingress-from-monitoring").admin(10).allow()
                                .ingressTo(namespace("internal")).from(allPods()).on(tcp(9100)))
                .buildUnvalidated();

        // then
        assertThat(platform.validate().problems()).isEmpty();
    }

    @Test
    void priority_outside_0_to_1000_is_a_problem() {
        // given
        PolicySet platform = policySet("platform")
                .intents(guardrail("too-late").baseline(1001).deny().egressFrom(allPods()).to(world()).on(anyTraffic()))
                .buildUnvalidated();

        // when
        ValidationResult result = platform.validate();

        // then
        assertThat(result.problems()).extracting(Problem::path, Problem::message).containsExactly(tuple(
                "policySets[platform].intents[too-late].priority", "priority out of range 0..1000: 1001"));
    }

    // ---- Observation -------------------------------------------------------------------------------------------

    @Test
    void audit_records_without_deciding() {
        // when
        Connection watchInternet = guardrail("audit-egress-to-world").admin(10).audit()
                .egressFrom(allPods()).to(world()).on(anyTraffic());
        Connection watchCalls = audit(FRONTEND).to(BACKEND).on(tcp(8080));

        // then
        assertThat(watchInternet).extracting(Connection::tier, Connection::priority, Connection::action)
                .containsExactly(Tier.ADMIN, 10, Action.AUDIT);
        assertThat(watchCalls).extracting(Connection::tier, Connection::action)
                .containsExactly(Tier.APPLICATION, Action.AUDIT);
    }

    @Test
    void audit_never_clashes_with_a_decision_at_the_same_priority() {
        // when
        PolicySet platform = policySet("platform")
                .intents(
                        guardrail("audit-egress-to-world").admin(10).audit()
                                .egressFrom(allPods()).to(world()).on(anyTraffic()),
                        guardrail("deny-egress-to-world").admin(10).deny()
                                .egressFrom(namespace("payments")).to(world()).on(anyTraffic()))
                .buildUnvalidated();

        // then
        assertThat(platform.validate().problems()).isEmpty();
    }

    @Test
    void dry_run_observes_a_whole_policy_set() {
        // when
        PolicySet staged = policySet("shop-v2")
                .owner("team-shop")
                .dryRun(true)
                .intents(
                        isolate(namespace("shop")).ingressAndEgress(),
                        allow(FRONTEND).to(BACKEND).on(tcp(8080)))
                .build();

        // then
        assertThat(staged.dryRun()).isTrue();
        assertThat(staged.toString()).startsWith("policy set shop-v2 (owner: team-shop, 2 intents, dry run)\n");
        assertThat(staged).isNotEqualTo(policySet("shop-v2")
                .owner("team-shop")
                .intents(
                        isolate(namespace("shop")).ingressAndEgress(),
                        allow(FRONTEND).to(BACKEND).on(tcp(8080)))
                .build());
    }

    @Test
    void guardrails_that_agree_do_not_clash() {
        // when
        PolicySet platform = policySet("platform")
                .intents(
                        guardrail("deny-internal").admin(10).deny()
                                .egressFrom(allPods()).to(cidr("10.0.0.0/8")).on(anyTraffic()),
                        guardrail("deny-monitoring-scrapes").admin(10).deny()
                                .egressFrom(namespace("monitoring")).to(cidr("10.1.0.0/16")).on(tcp(9100)))
                .buildUnvalidated();

        // then
        assertThat(platform.validate().problems()).isEmpty();
    }
}
