package dev.kordon.generators;

import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.PolicySet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupportTest {

    private static final Support WORLD_AS_ALL = Support.widerMatch("matched as every address", "use cilium",
            Downgrade.WORLD_AS_ALL_ADDRESSES);

    @Test
    void a_wider_match_is_more_access_for_an_allow_or_a_pass() {
        assertThat(WORLD_AS_ALL.forAction(Action.ALLOW).fidelity()).isEqualTo(Fidelity.WIDENED);
        assertThat(WORLD_AS_ALL.forAction(Action.PASS).fidelity()).isEqualTo(Fidelity.WIDENED);
        assertThat(WORLD_AS_ALL.forAction(null).fidelity()).isEqualTo(Fidelity.WIDENED);
    }

    @Test
    void a_wider_match_is_less_access_for_a_deny() {
        Support deny = WORLD_AS_ALL.forAction(Action.DENY);
        assertThat(deny.fidelity()).isEqualTo(Fidelity.NARROWED);
        assertThat(deny.downgrade()).contains(Downgrade.WORLD_AS_ALL_ADDRESSES);
    }

    @Test
    void other_supports_do_not_depend_on_the_action() {
        Support widened = Support.downgraded(Fidelity.WIDENED, "l4 only", "use istio", Downgrade.L4_ONLY);
        assertThat(widened.forAction(Action.DENY)).isSameAs(widened);
    }

    @Test
    void a_guardrail_denying_the_world_is_reported_narrowed_on_cluster_network_policy() {
        // given
        PolicySet set = policySet("platform").intents(guardrail("no-smtp-out").baseline(1000).deny()
                .egressFrom(allPods()).to(world()).on(tcp(25)).accepting(Downgrade.WORLD_AS_ALL_ADDRESSES)).build();

        // when
        FidelityReport report = new Generator().assess(List.of(set), Targets.parse("kubernetes+cnp"));

        // then
        assertThat(report.entries()).extracting(FidelityEntry::feature, FidelityEntry::fidelity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Feature.PEER_WORLD, Fidelity.NARROWED));
        assertThat(report.isAcceptable()).isTrue();
    }
}
