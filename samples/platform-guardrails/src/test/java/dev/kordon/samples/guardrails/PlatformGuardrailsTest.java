package dev.kordon.samples.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Tier;
import dev.kordon.dsl.spi.PolicySets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformGuardrailsTest {

    @Test
    void tools_find_the_guardrails_through_the_service_loader() {
        // when
        List<PolicySet> sets = PolicySets.load(PlatformGuardrailsTest.class.getClassLoader());
        // then
        assertThat(sets).extracting(PolicySet::name).containsExactly("platform-guardrails", "tenant-a", "tenant-b");
    }

    @Test
    void every_rule_is_a_named_guardrail_ordered_by_priority() {
        // when
        PolicySet set = PlatformGuardrails.guardrails();
        // then
        assertThat(set.intents()).allMatch(intent -> intent instanceof Connection && ((Connection) intent).isGuardrail());
        assertThat(set.connections()).extracting(Intent::name, Connection::tier, Connection::priority)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("allow-dns", Tier.ADMIN, 5),
                        org.assertj.core.groups.Tuple.tuple("baseline-deny-egress-to-world", Tier.BASELINE, 1000),
                        org.assertj.core.groups.Tuple.tuple("block-metadata-server", Tier.ADMIN, 10),
                        org.assertj.core.groups.Tuple.tuple("deny-sensitive-ports", Tier.ADMIN, 20),
                        org.assertj.core.groups.Tuple.tuple("tenant-a-cannot-reach-tenant-b", Tier.ADMIN, 30),
                        org.assertj.core.groups.Tuple.tuple("tenant-b-cannot-reach-tenant-a", Tier.ADMIN, 31));
    }
}
