package dev.kordon.simulator.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.input.InputException;
import org.junit.jupiter.api.Test;

class CaseReaderTest {

    private static final String CASE = """
            source: test
            variant: test
            notes: []
            profile: {cni: cilium, mesh: istio}
            cluster:
              namespaces:
              - {name: x, labels: {kubernetes.io/metadata.name: x}}
              nodes:
              - {name: n1, labels: {}, ip: 172.18.0.2, kubeAPIServer: true}
              pods:
              - {namespace: x, name: a, labels: {app: a}, ip: 10.0.0.1, ports: [{name: http, port: 80, protocol: TCP}], serviceAccount: sa-a}
              - {namespace: x, name: h, labels: {}, hostNetwork: true, node: n1, ports: []}
            policies: |
              apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata: {name: p, namespace: x}
              spec: {podSelector: {}}
            expect:
            - {from: x/a, to: x/h, port: 80, protocol: TCP, allowed: true}
            - {from: 'ip:172.18.0.2', to: x/a, port: 80, protocol: TCP, http: {method: GET, path: /x, jwt: {iss: i, sub: s, claims: {role: admin}}}, allowed: false}
            - {from: 'fqdn:api.example.com', to: x/a, protocol: ICMP, icmp: {type: 8}, allowed: false}
            """;

    @Test
    void reads_profile_cluster_policies_and_probes() {
        // when
        ReachabilityCase testCase = new CaseReader().read("t.yaml", CASE);
        // then
        assertThat(testCase.profile()).isEqualTo(new EnforcementProfile(EnforcementProfile.Cni.CILIUM,
                EnforcementProfile.Mesh.ISTIO, false, false));
        assertThat(testCase.cluster().pod("x/h")).get().satisfies(pod -> {
            assertThat(pod.ip()).isEqualTo("172.18.0.2");
            assertThat(pod.hostNetwork()).isTrue();
        });
        assertThat(testCase.policies()).singleElement().satisfies(m -> assertThat(m.describe())
                .isEqualTo("NetworkPolicy x/p"));
        assertThat(testCase.probes()).hasSize(3);
        assertThat(testCase.probes().get(1).flow().source()).isInstanceOf(Endpoint.OfNode.class);
        assertThat(testCase.probes().get(1).flow().http()).get().satisfies(http ->
                assertThat(http.jwt()).get().satisfies(jwt -> assertThat(jwt.claim(java.util.List.of("role")))
                        .contains("admin")));
        assertThat(testCase.probes().get(2).flow().transport()).isEqualTo(Transport.ICMP);
        assertThat(testCase.probes().get(2).flow().icmpType()).isEqualTo(8);
        assertThat(testCase.probes().get(2).flow().source()).isInstanceOfSatisfying(Endpoint.External.class,
                external -> assertThat(external.ip()).startsWith("198.1"));
    }

    @Test
    void reports_every_problem_with_its_place() {
        String broken = CASE.replace("cni: cilium", "cni: flannel").replace("from: x/a, to: x/h", "from: x/zz, to: x/h")
                .replace("notes: []", "notes: []\nextra: 1");
        assertThatThrownBy(() -> new CaseReader().read("t.yaml", broken))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("3 problems in the input:")
                .hasMessageContaining("t.yaml: extra: is not a field here")
                .hasMessageContaining("t.yaml: profile.cni: is not one of generic, calico, cilium: 'flannel'")
                .hasMessageContaining("t.yaml: expect[0].from: names no pod of the cluster: 'x/zz'");
    }

    @Test
    void reads_profile_options_as_the_cli_and_the_kit_do_and_names_a_bad_or_useless_one() {
        // given
        String options = CASE.replace("profile: {cni: cilium, mesh: istio}",
                "profile: {cni: cilium, mesh: istio, ciliumPolicyEnforcement: Always, ipBlockSelectsPods: false}");
        String bad = CASE.replace("profile: {cni: cilium, mesh: istio}",
                "profile: {cni: cilium, ipBlockSelectsPods: \"yes\", calicoHttpPrefixes: raw}");

        // when
        EnforcementProfile profile = new CaseReader().read("t.yaml", options).profile();

        // then
        assertThat(profile.ciliumPolicyEnforcement()).isEqualTo(EnforcementProfile.CiliumEnforcement.ALWAYS);
        assertThat(profile.ipBlockSelectsPods()).isFalse();
        assertThatThrownBy(() -> new CaseReader().read("t.yaml", bad))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("2 problems in the input:")
                .hasMessageContaining("t.yaml: profile.ipBlockSelectsPods: is not one of true, false: 'yes'\n"
                        + "    fix: use true or false")
                .hasMessageContaining("t.yaml: profile.calicoHttpPrefixes: changes nothing here: it applies to calico"
                        + " only, and the profile's cni is cilium\n    fix: remove it, or set cni to calico");
    }

    @Test
    void reports_malformed_policies_by_document() {
        String broken = CASE.replace("spec: {podSelector: {}}", "spec: {podSelector: {}\n  ---\n  kind: X");
        assertThatThrownBy(() -> new CaseReader().read("t.yaml", broken)).isInstanceOf(InputException.class)
                .hasMessageContaining("t.yaml#policies: document 1: is not valid YAML or JSON");
    }
}
