package dev.kordon.generators.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cilium's default identity-label filter, on the keys whose fate is not obvious. */
class IdentityLabelsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "app, true",
            "app.kubernetes.io/name, true",
            "topology.kubernetes.io/zone, true",
            "io.kubernetes.pod.namespace, true",
            "io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name, true",
            "io.cilium.k8s.policy.serviceaccount, true",
            "pod-template-hash, false",
            "controller-revision-hash, false",
            "statefulset.kubernetes.io/pod-name, false",
            "apps.kubernetes.io/pod-index, false",
            "kubernetes.io/hostname, false",
            "k8s.io/component, false",
            "node.beta.kubernetes.io/instance-type, false",
            "io.cilium.k8s.namespace.labels.beta.kubernetes.io/arch, false",
            "io.kubernetes.pod.name, false",
            "annotation.anything, false"})
    void keeps_or_drops_a_key_as_ciliums_default_filter_does(String key, boolean kept) {
        assertThat(IdentityLabels.isInIdentity(key)).isEqualTo(kept);
    }
}
