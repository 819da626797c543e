package dev.kordon.generators.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Downgrade;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The capability declarations: complete for both roles, and exact only where the output is. */
class CalicoCapabilitiesTest {

    private static final Set<Feature> L7 = EnumSet.of(Feature.HTTP_METHOD, Feature.HTTP_PATH_EXACT,
            Feature.HTTP_PATH_PREFIX, Feature.HTTP_PATH_GLOB, Feature.HTTP_HOST, Feature.HTTP_HEADER,
            Feature.HTTP_EGRESS, Feature.REQUEST_PRINCIPAL, Feature.JWT_CLAIM);

    @Test
    void alone_http_and_request_conditions_are_widened_unless_l4_only_is_accepted() {
        Capabilities complete = new CalicoBackend().capabilities(Role.COMPLETE);
        for (Feature feature : L7) {
            Support support = complete.of(feature);
            assertThat(support.fidelity()).as("%s", feature).isEqualTo(Fidelity.WIDENED);
            assertThat(support.downgrade()).as("%s", feature).contains(Downgrade.L4_ONLY);
        }
    }

    @Test
    void under_a_mesh_http_and_request_conditions_are_the_meshs() {
        Capabilities transport = new CalicoBackend().capabilities(Role.TRANSPORT);
        for (Feature feature : L7) {
            assertThat(transport.of(feature).fidelity()).as("%s", feature).isEqualTo(Fidelity.EXACT);
            assertThat(transport.of(feature).reason()).startsWith("HTTP rules and request conditions are left to the"
                    + " mesh layer");
        }
    }

    @Test
    void every_other_feature_is_the_same_in_both_roles() {
        Capabilities complete = new CalicoBackend().capabilities(Role.COMPLETE);
        Capabilities transport = new CalicoBackend().capabilities(Role.TRANSPORT);
        for (Feature feature : EnumSet.complementOf(EnumSet.copyOf(L7))) {
            assertThat(transport.of(feature)).as("%s", feature).isEqualTo(complete.of(feature));
        }
        assertThat(complete.of(Feature.DRY_RUN).fidelity()).isEqualTo(Fidelity.EXACT);
        assertThat(complete.of(Feature.PEER_NODES).fidelity()).isEqualTo(Fidelity.UNSUPPORTED);
    }
}
