package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.analysis.ConnectivityInput;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The import's round trip on every input of np-guard netpol-analyzer's plain connectivity tests (the simulator's
 * conformance data): real NetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy sets over real workloads.
 * Every policy is imported, and the imported intents decide every flow of the probe grid as the originals do under
 * upstream Kubernetes semantics, through the reference semantics and through the regenerated manifests.
 */
class NetpolAnalyzerRoundTripTest {

    private static final Path ROOT = Path.of("../simulator/src/test/resources/conformance/netpol-analyzer");

    /**
     * Inputs the simulator's strict readers reject, as conformance-gaps/netpol-analyzer.yaml says why: pods peers
     * without podSelector, a named port beside a networks peer, and netpol-analyzer's own JSON output among the YAML.
     */
    private static final Set<String> REJECTED = Set.of("tests/anp_test_9", "tests/anp_test_10_swapping_rules",
            "tests/anp_test_combining_test_6_and_test_10", "tests/anp_test_named_ports_multiple_peers",
            "tests/acs-security-demos");

    /** Inputs whose imported sets the kubernetes+anp target refuses, with the refused feature (the generator's gap). */
    private static final Map<String, String> TARGET_REFUSES = Map.of(
            "tests/anp_and_banp_using_networks_and_nodes_test", "peer-nodes",
            "tests/anp_banp_test_multiple_warnings", "port-named");

    static Stream<String> inputs() throws IOException {
        List<String> dirs = new ArrayList<>();
        for (JsonNode testCase : YAMLMapper.builder().build().readTree(Files.readString(ROOT.resolve("INDEX.yaml")))
                .path("cases")) {
            dirs.add(testCase.path("input_dir").asString());
        }
        return dirs.stream().distinct().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void imported_policies_decide_every_probe_as_the_originals(String dir, @TempDir Path work) {
        // given
        Path input = ROOT.resolve(dir);
        if (REJECTED.contains(dir)) {
            assertThatThrownBy(() -> new Importer().run(new ImportRequest(List.of(input), "roundtrip.imported")))
                    .isInstanceOf(InputException.class);
            return;
        }
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read(List.of(input), problems).stream()
                .filter(manifest -> !ConnectivityInput.IGNORED_KINDS.contains(manifest.kind())).toList();
        ClusterReader.Split split = new ClusterReader().read(manifests, problems);
        problems.throwIfAny();
        boolean tiers = split.policies().stream().anyMatch(manifest -> manifest.kind().endsWith("AdminNetworkPolicy"));

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(input, split.cluster(), split.policies(),
                EnforcementProfile.generic(), tiers ? "kubernetes+anp" : "kubernetes", List.of(), work);

        // then: only objects that are no policy are left out (ConfigMaps, Ingresses, netpol-analyzer's own files)
        assertThat(outcome.imported().notImported()).allSatisfy(problem -> assertThat(problem.message())
                .endsWith("is neither a policy nor a workload"));
        assertThat(outcome.referenceDifferences()).isEmpty();
        String refused = TARGET_REFUSES.getOrDefault(dir, "");
        if (refused.isEmpty()) {
            assertThat(outcome.refusal()).isEmpty();
            assertThat(outcome.generatedDifferences()).isEmpty();
        } else {
            assertThat(outcome.refusal()).contains(refused);
        }
    }
}
