package dev.kordon.generators.cnp;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cnp.ClusterNetworkPolicyMappingTest.DB;
import static dev.kordon.generators.cnp.ClusterNetworkPolicyMappingTest.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Backend;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backend on its own: every feature declared in every role, the transport role under a mesh (tested without a
 * +istio target, whose mesh layer does not exist yet), and render's refusal of what the fidelity check must stop.
 */
class ClusterNetworkPolicyRolesTest {

    private final ClusterNetworkPolicyBackend backend = new ClusterNetworkPolicyBackend();

    private static RenderRequest request(PolicySet set, Role role) {
        return new RenderRequest(set, set.intents(), role, "test", GeneratorOptions.defaults());
    }

    @Test
    void declares_every_feature_in_both_roles() {
        for (Role role : List.of(Role.COMPLETE, Role.TRANSPORT)) {
            for (Feature feature : Feature.values()) {
                assertThat(backend.capabilities(role).of(feature)).as("%s in %s", feature, role).isNotNull();
            }
        }
    }

    @Test
    void under_a_mesh_http_is_left_to_the_mesh() {
        assertThat(backend.capabilities(Role.COMPLETE).of(Feature.HTTP_METHOD).fidelity())
                .isEqualTo(Fidelity.UNSUPPORTED);
        assertThat(backend.capabilities(Role.TRANSPORT).of(Feature.HTTP_METHOD).fidelity()).isEqualTo(Fidelity.EXACT);
        assertThat(backend.capabilities(Role.TRANSPORT).of(Feature.JWT_CLAIM).fidelity()).isEqualTo(Fidelity.EXACT);
    }

    @Test
    void under_a_mesh_an_http_deny_is_the_meshs_alone() {
        // given a deny of some HTTP requests
        PolicySet set = policySet("p").intents(guardrail("no-admin").admin(1).deny().ingressTo(WEB)
                .from(allPods()).on(tcp(8080)).requests(GET("/admin/*"))).build();
        // then at L3/L4 nothing is written: denying the port would deny the requests the intent leaves alone
        assertThat(backend.inspect(set, set.intents().get(0), Role.TRANSPORT, GeneratorOptions.defaults())).isEmpty();
        assertThat(backend.render(request(set, Role.TRANSPORT))).isEmpty();
    }

    @Test
    void under_a_mesh_an_http_allow_cannot_be_split() {
        PolicySet set = policySet("p").intents(guardrail("health").admin(1).allow().ingressTo(WEB)
                .from(allPods()).on(tcp(8080)).requests(GET("/healthz"))).build();
        assertThat(backend.inspect(set, set.intents().get(0), Role.TRANSPORT, GeneratorOptions.defaults())).singleElement().satisfies(finding -> {
            assertThat(finding.feature()).isEqualTo(Feature.ADMIN_ALLOW);
            assertThat(finding.support().fidelity()).isEqualTo(Fidelity.UNSUPPORTED);
            assertThat(finding.support().reason()).startsWith("ClusterNetworkPolicy cannot see HTTP requests or request"
                    + " identity, and an admin allow cannot be split between it and the mesh: written at L3/L4 it"
                    + " would allow every request on its ports (wider)");
        });
    }

    @Test
    void under_a_mesh_an_l4_guardrail_is_written_as_without_one() {
        PolicySet set = policySet("p").intents(guardrail("no-db").admin(1).deny().egressFrom(WEB).to(DB)
                .on(tcp(5432))).build();
        List<Backend.Finding> findings = backend.inspect(set, set.intents().get(0), Role.TRANSPORT, GeneratorOptions.defaults());
        assertThat(findings).isEmpty();
        assertThat(backend.render(request(set, Role.TRANSPORT))).isEqualTo(backend.render(request(set, Role.COMPLETE)));
    }

    @Test
    void render_fails_on_an_intent_the_fidelity_check_must_have_refused() {
        // given an application intent, which the capabilities refuse, handed to render anyway
        PolicySet set = policySet("p").intents(allow(WEB).to(DB).on(tcp(5432))).build();
        Intent intent = set.intents().get(0);
        assertThat(backend.capabilities(Role.COMPLETE).of(Feature.APPLICATION_ALLOW).fidelity())
                .isEqualTo(Fidelity.UNSUPPORTED);
        // then render refuses it instead of writing nothing or something wider
        assertThatThrownBy(() -> backend.render(request(set, Role.COMPLETE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ClusterNetworkPolicy takes guardrails only, but was given " + intent.name()
                        + "; the fidelity check should have refused it");
    }

    @Test
    void render_fails_on_an_ingress_source_it_cannot_name() {
        PolicySet set = policySet("p").intents(guardrail("open").admin(1).deny().ingressTo(WEB)
                .from(anywhere()).on(tcp(22))).build();
        Connection guardrail = (Connection) set.intents().get(0);
        assertThatThrownBy(() -> backend.render(request(set, Role.COMPLETE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot express anywhere as an ingress peer of " + guardrail.name());
    }
}
