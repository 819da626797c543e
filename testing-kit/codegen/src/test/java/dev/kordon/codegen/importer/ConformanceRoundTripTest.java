package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.verify.CaseReader;
import dev.kordon.simulator.verify.Probe;
import dev.kordon.simulator.verify.ReachabilityCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The round trip on upstream conformance data (the simulator's cases): the Kubernetes e2e NetworkPolicy cases through
 * the {@code kubernetes} target, the network-policy-api ClusterNetworkPolicy cases through {@code kubernetes+cnp} and
 * its AdminNetworkPolicy/BaselineAdminNetworkPolicy (v1alpha1) cases through {@code kubernetes+anp}, Cilium's
 * cases through {@code cilium} (on Cilium's enforcement, which the reference semantics do not model), and Istio's
 * through {@code kubernetes+istio}.
 * Each case's policies are imported whole; the imported sets, decided by the intent model's reference semantics,
 * and the manifests generated from them, simulated, give the original verdict on every flow of the probe grid and
 * every probe of the case.
 */
class ConformanceRoundTripTest {

    private static final Path CASES = Path.of("../simulator/src/test/resources/conformance/cases");

    /** The conformance families and the target each goes through. */
    private static final Map<String, String> FAMILIES = Map.of(
            "kubernetes-e2e-netpol-", "kubernetes",
            "network-policy-api-CNP", "kubernetes+cnp",
            "network-policy-api-v1alpha1-", "kubernetes+anp",
            "cilium-", "cilium",
            "istio-", "kubernetes+istio",
            "calico-", "calico",
            "network-config-analyzer-calico-", "calico");

    /**
     * Cases whose imported sets the target refuses, with the refused feature: gaps of the generator (it writes only
     * the standard channel, a ClusterNetworkPolicy named port only towards workloads that declare its protocol, and
     * no NetworkPolicy for the pods of every namespace that a mesh-wide AuthorizationPolicy selects), not of the
     * import.
     * The reference semantics still decide them as the originals.
     */
    private static final Map<String, String> TARGET_REFUSES = Map.ofEntries(
            Map.entry("cilium-cct-client-egress-knp", "unsupported peer-pods"),
            Map.entry("cilium-cct-echo-ingress-knp", "unsupported peer-pods"),
            Map.entry("istio-integ-TestAuthz_WorkloadSelector", "unsupported subject-in-all-namespaces"),
            Map.entry("network-policy-api-CNPAdminTierEgressNamedPort-01", "widened port-named"),
            Map.entry("network-policy-api-CNPAdminTierEgressNodePeers-01", "unsupported peer-nodes"),
            Map.entry("network-policy-api-CNPBaselineTierEgressNodePeers-01", "unsupported peer-nodes"),
            Map.entry("network-policy-api-CNPBaselineTierEgressNodePeers-02", "unsupported peer-nodes"),
            Map.entry("network-policy-api-v1alpha1-AdminNetworkPolicyEgressNodePeers-02", "unsupported peer-nodes"),
            Map.entry("network-policy-api-v1alpha1-BaselineAdminNetworkPolicyEgressNamedPort-01",
                    "unsupported port-named"),
            Map.entry("network-policy-api-v1alpha1-BaselineAdminNetworkPolicyIngressNamedPort-01",
                    "unsupported port-named"));

    /** The report of an Istio kind that the import does not read (it sets the mTLS the cases' probes use). */
    private static final String DESTINATION_RULE = "a DestinationRule sets the TLS a client uses";

    /** The report of a Cilium path regex that, matched with the query string, says no DSL path ('/public$'). */
    private static final String QUERY_STRING = "has no DSL pattern: Cilium matches it against the whole path with its"
            + " query";

    /**
     * Cases whose policies use what the import does not express (yet), with a fragment of the report entry: the
     * import leaves those objects out and says so, so the verdicts are not compared.
     */
    private static final Map<String, String> NOT_IMPORTED = Map.ofEntries(
            Map.entry("calico-alp-checker-egress-nets-ports", "tier tier1 is not one of Kordon's tiers"),
            Map.entry("calico-alp-checker-staged-policy-scope", "tier tier1 is not one of Kordon's tiers"),
            Map.entry("calico-alp-checker-tier-default-action", "tier tier1a is not one of Kordon's tiers"),
            Map.entry("calico-docs-service-accounts-intern", "spec.serviceAccountSelector: is not imported"),
            Map.entry("calico-docs-service-accounts-selector", "serviceAccounts.selector: is not imported"),
            Map.entry("network-config-analyzer-calico-testcase18-pass-pod-based",
                    "a Deny of this policy comes after an Allow"),
            Map.entry("cilium-cct-allow-all-except-world", "toEntities \"host\""),
            Map.entry("cilium-cct-client-egress", "toEntities \"host\""),
            Map.entry("cilium-cct-client-egress-to-echo-deny", "a deny of the pods of every cluster"),
            Map.entry("cilium-cct-client-egress-to-echo-service-account-deny", "io.cilium.k8s.policy.serviceaccount"),
            Map.entry("cilium-cct-client-ingress-from-other-client-icmp-deny", "a deny of the pods of every cluster"),
            Map.entry("cilium-cct-client-ingress-icmp", "icmps"),
            Map.entry("cilium-cct-dns-only", "io.cilium.k8s.policy.cluster"),
            Map.entry("cilium-cct-echo-ingress-from-other-client-deny", "a deny of the pods of every cluster"),
            Map.entry("cilium-cct-echo-ingress-l7-named-port", QUERY_STRING),
            Map.entry("cilium-cct-echo-ingress-l7", QUERY_STRING),
            Map.entry("cilium-cct-host-entity-egress", "toEntities \"host\""),
            Map.entry("cilium-cct-host-entity-ingress", "fromEntities \"host\""),
            Map.entry("cilium-cct-policy-local-cluster-egress", "io.cilium.k8s.policy.cluster"),
            Map.entry("cilium-k8s-default-allow-step3-egress-deny-default-allow", "leaves its pods out of default deny"),
            Map.entry("cilium-k8s-l7-policy-default-allow", "leaves its pods out of default deny"),
            Map.entry("cilium-k8s-l7-policy-proxy-visibility", QUERY_STRING),
            Map.entry("istio-docs-authz-deny-step1", "a DENY rule with HTTP fields and no ports"),
            Map.entry("istio-docs-authz-deny-step2", "notValues (every value but these)"),
            Map.entry("istio-docs-authz-deny-step3", "notValues (every value but these)"),
            Map.entry("istio-integ-TestAuthz_JWT", "'request.auth.presenter' has no DSL condition"),
            Map.entry("istio-integ-TestAuthz_Namespace", DESTINATION_RULE),
            Map.entry("istio-integ-TestAuthz_NotNamespace", "notNamespaces (every value but these)"),
            Map.entry("istio-integ-TestAuthz_Principal", DESTINATION_RULE),
            Map.entry("istio-integ-TestAuthz_ServiceAccount", DESTINATION_RULE),
            Map.entry("istio-integ-old-TestAuthorization_TCP", "the principal '*/ns/test-ns1/sa/b' has no DSL peer"));

    static Stream<Arguments> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.sorted().flatMap(file -> FAMILIES.entrySet().stream()
                            .filter(family -> file.getFileName().toString().startsWith(family.getKey()))
                            .map(family -> Arguments.of(file.getFileName().toString(), family.getValue())))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("cases")
    void imported_policies_decide_every_probe_as_the_originals(String name, String target, @TempDir Path work)
            throws IOException {
        // given
        Path file = CASES.resolve(name);
        ReachabilityCase testCase = new CaseReader().read(file);
        Path policies = Files.writeString(work.resolve("policies.yaml"),
                YAMLMapper.builder().build().readTree(Files.readString(file)).path("policies").asString(),
                StandardCharsets.UTF_8);
        List<Flow> probes = testCase.probes().stream().map(Probe::flow).toList();

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(policies, testCase.cluster(), testCase.policies(),
                testCase.profile(), target, probes, work.resolve("build"));

        // then
        String gap = NOT_IMPORTED.get(name.substring(0, name.length() - ".yaml".length()));
        if (gap != null) {
            assertThat(outcome.imported().notImported())
                    .anySatisfy(entry -> assertThat(entry.toString()).contains(gap));
            return;
        }
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.probes()).isGreaterThan(probes.size());
        if (testCase.profile().cni() != EnforcementProfile.Cni.GENERIC) {
            // The reference semantics are upstream Kubernetes'; the other CNIs are compared through their target only.
            assertThat(outcome.referenceDifferences()).as("not compared").isNotNull();
        } else {
            assertThat(outcome.referenceDifferences()).isEmpty();
        }
        String refused = TARGET_REFUSES.keySet().stream().filter(name::startsWith).findFirst()
                .map(TARGET_REFUSES::get).orElse("");
        if (refused.isEmpty()) {
            assertThat(outcome.refusal()).isEmpty();
            assertThat(outcome.generatedDifferences()).isEmpty();
        } else {
            assertThat(outcome.refusal()).contains(refused);
        }
    }
}
