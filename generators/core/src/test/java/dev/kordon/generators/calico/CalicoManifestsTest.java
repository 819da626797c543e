package dev.kordon.generators.calico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.generators.manifest.Yaml;
import org.junit.jupiter.api.Test;

/** The test's own check of the Calico rules that the schema validator cannot evaluate. */
class CalicoManifestsTest {

    @Test
    void rule_shapes_calico_rejects_are_reported() {
        // given a policy breaking every rule the check knows
        String manifest = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata:
                  name: allow-web
                  namespace: shop
                spec:
                  tier: kordon
                  selector: all()
                  egress:
                  - action: Allow
                    destination:
                      nets: [10.0.0.0/8, "::/0"]
                      ports: [80]
                    http:
                      methods: [GET]
                """;
        // then
        assertThat(CalicoManifests.violations(Yaml.read(manifest))).hasSize(5)
                .anySatisfy(problem -> assertThat(problem).startsWith("policy name allow-web"))
                .anySatisfy(problem -> assertThat(problem).isEqualTo("types not written"))
                .anySatisfy(problem -> assertThat(problem).startsWith("ports without TCP, UDP or SCTP"))
                .anySatisfy(problem -> assertThat(problem).startsWith("http outside an ingress Allow rule"))
                .anySatisfy(problem -> assertThat(problem).startsWith("nets of both IP families"));
    }
}
