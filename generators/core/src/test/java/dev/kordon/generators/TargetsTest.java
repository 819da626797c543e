package dev.kordon.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void every_cni_target_has_an_istio_form() {
        assertThat(Targets.ids()).containsExactly("kubernetes", "kubernetes+istio", "kubernetes+cnp",
                "kubernetes+cnp+istio", "kubernetes+anp", "kubernetes+anp+istio", "calico", "calico+istio", "cilium",
                "cilium+istio");
    }

    @Test
    void layered_targets_split_the_intents() {
        Target target = Targets.parse("kubernetes+cnp");
        assertThat(target.layers()).extracting(layer -> layer.backend().id(), Layer::scope, Layer::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kubernetes", Scope.APPLICATION, Role.COMPLETE),
                        org.assertj.core.groups.Tuple.tuple("cnp", Scope.GUARDRAILS, Role.COMPLETE));
    }

    @Test
    void istio_sits_on_top_of_a_cni_that_becomes_transport() {
        Target target = Targets.parse("cilium+istio");
        assertThat(target.layers()).extracting(layer -> layer.backend().id(), Layer::scope, Layer::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cilium", Scope.ALL, Role.TRANSPORT),
                        org.assertj.core.groups.Tuple.tuple("istio", Scope.ALL, Role.MESH));
    }

    @Test
    void an_unknown_target_names_the_known_ones() {
        assertThatIllegalArgumentException().isThrownBy(() -> Targets.parse("calico+linkerd"))
                .withMessage("unknown target 'calico+linkerd'; known targets: kubernetes, kubernetes+istio,"
                        + " kubernetes+cnp, kubernetes+cnp+istio, kubernetes+anp, kubernetes+anp+istio, calico,"
                        + " calico+istio, cilium, cilium+istio");
    }

    @Test
    void every_layer_of_every_target_declares_every_feature() {
        for (Target target : Targets.all()) {
            for (Layer layer : target.layers()) {
                Capabilities capabilities = layer.backend().capabilities(layer.role());
                for (Feature feature : Feature.values()) {
                    assertThat(capabilities.of(feature)).as("%s %s %s", target, layer.backend().id(), feature)
                            .isNotNull();
                }
            }
        }
    }
}
