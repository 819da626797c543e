package dev.kordon.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.kordon.dsl.Downgrade;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void a_declaration_must_name_every_feature() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Capabilities.builder().exact(Feature.APPLICATION_ALLOW).build())
                .withMessageStartingWith("capabilities leave features undeclared: [application-deny,");
    }

    @Test
    void a_feature_is_declared_once() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Capabilities.builder().exact(Feature.INGRESS).exact(Feature.INGRESS))
                .withMessage("feature declared twice: ingress");
    }

    @Test
    void otherwise_fills_the_rest() {
        Capabilities capabilities = Capabilities.builder().exact(Feature.INGRESS)
                .otherwise(Support.unsupported("no", "elsewhere")).build();
        assertThat(capabilities.of(Feature.INGRESS).fidelity()).isEqualTo(Fidelity.EXACT);
        assertThat(capabilities.of(Feature.EGRESS).fidelity()).isEqualTo(Fidelity.UNSUPPORTED);
    }

    @Test
    void an_exact_feature_needs_no_downgrade() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Support.downgraded(Fidelity.EXACT, "r", "h", Downgrade.L4_ONLY))
                .withMessage("an exact feature needs no downgrade");
    }

    @Test
    void fidelity_orders_from_best_to_worst() {
        assertThat(Fidelity.NARROWED.worst(Fidelity.WIDENED)).isEqualTo(Fidelity.WIDENED);
        assertThat(Fidelity.UNSUPPORTED.worst(Fidelity.EXACT)).isEqualTo(Fidelity.UNSUPPORTED);
    }
}
