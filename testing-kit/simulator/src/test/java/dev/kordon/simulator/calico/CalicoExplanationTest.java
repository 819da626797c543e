package dev.kordon.simulator.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Verdict;
import org.junit.jupiter.api.Test;

/** The chains users read when a verdict surprises them. */
class CalicoExplanationTest {

    private static final String POLICIES = """
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: db-ingress, namespace: shop}
            spec:
              selector: app == 'db'
              ingress:
              - {action: Allow, protocol: TCP, source: {selector: app == 'batch'}, destination: {ports: [9000]}}
              - {action: Allow, protocol: TCP, source: {selector: app == 'frontend'}, destination: {ports: [5432]}}
            ---
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: db-metrics, namespace: shop}
            spec:
              selector: app == 'db'
              order: 10
              ingress:
              - {action: Allow, protocol: TCP, source: {namespaceSelector: projectcalico.org/name == 'ops'}}
            """;

    private static CalicoWorld world() {
        return CalicoWorld.create().namespace("shop").namespace("ops")
                .pod("shop/web", "10.0.0.1", "app=frontnd")
                .pod("shop/db", "10.0.0.2", "app=db")
                .pod("ops/scraper", "10.0.1.1", "app=scraper")
                .policies(POLICIES);
    }

    @Test
    void a_denial_by_default_names_the_isolating_policies_and_the_nearest_rule_with_the_label_that_differs() {
        // when
        Verdict verdict = world().tcp("shop/web", "shop/db", 5432);

        // then
        assertThat(verdict.allowed()).isFalse();
        assertThat(CalicoWorld.lines(verdict)).containsExactly(
                "[calico egress] Profile kns.shop rule 0: allow - no policy selects shop/web for egress, so no tier"
                        + " applies; the namespace profile kns.shop allows all traffic of Kubernetes pods",
                "[calico ingress default] Tier default: deny - no rule matched: NetworkPolicy shop/db-metrics,"
                        + " NetworkPolicy shop/db-ingress select shop/db for ingress, so tier default applies, and it"
                        + " ends in Deny; nearest miss: NetworkPolicy shop/db-ingress rule 1 (Allow): source shop/web:"
                        + " selector app == \"frontend\" does not match: app == \"frontend\" but app is \"frontnd\"");
    }

    @Test
    void an_allow_names_the_policy_the_rule_and_every_criterion_that_held() {
        // when
        Verdict verdict = world().tcp("ops/scraper", "shop/db", 9100);

        // then
        assertThat(verdict.allowed()).isTrue();
        assertThat(CalicoWorld.lines(verdict)).last().isEqualTo("[calico ingress default] NetworkPolicy"
                + " shop/db-metrics rule 0: allow - rule 0 (Allow) matches: protocol TCP, source ops/scraper matches"
                + " namespaceSelector projectcalico.org/name == \"ops\"");
    }

    @Test
    void the_explanation_is_the_same_every_time() {
        // when
        String first = world().tcp("shop/web", "shop/db", 5432).explain();
        String second = world().tcp("shop/web", "shop/db", 5432).explain();

        // then
        assertThat(second).isEqualTo(first);
    }
}
