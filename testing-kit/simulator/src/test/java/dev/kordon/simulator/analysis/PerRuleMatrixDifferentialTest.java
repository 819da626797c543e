package dev.kordon.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import dev.kordon.simulator.verify.CaseReader;
import dev.kordon.simulator.verify.ReachabilityCase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The connectivity matrix computed per rule equals the one decided flow by flow, cell for cell, on every input both
 * can analyse: the upstream conformance cases and the netpol-analyzer inputs, under their own profiles and under the
 * generic one with either choice of ipBlocks selecting pods. Where the per-rule form does not apply (cluster-wide
 * policies, another CNI, a mesh), the matrix falls back to deciding flow by flow.
 */
class PerRuleMatrixDifferentialTest {

    private static final List<EnforcementProfile> GENERIC = List.of(EnforcementProfile.generic(),
            NetpolAnalyzerConformanceTest.NETPOL_ANALYZER);

    @TestFactory
    Stream<DynamicTest> conformance_cases_give_the_same_matrix_either_way() throws IOException,
            URISyntaxException {
        Path cases = Path.of(getClass().getResource("/conformance/cases/INDEX.yaml").toURI()).getParent();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(cases)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("INDEX.yaml")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    ReachabilityCase testCase = new CaseReader().read(file);
                    List<EnforcementProfile> profiles = new ArrayList<>(List.of(testCase.profile()));
                    if (testCase.profile().cni() == EnforcementProfile.Cni.GENERIC) {
                        profiles.addAll(GENERIC);
                    }
                    for (EnforcementProfile profile : profiles) {
                        compare(testCase.file() + " under " + profile, testCase.cluster().pods(),
                                build(testCase.cluster(), testCase.policies(), profile), testCase.policies());
                    }
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(100);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> netpol_analyzer_inputs_give_the_same_matrix_either_way() throws IOException,
            URISyntaxException {
        Path root = NetpolAnalyzerConformanceTest.root();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : YAMLMapper.builder().build().readTree(Files.readString(root.resolve("INDEX.yaml")))
                .path("cases")) {
            String dir = testCase.path("input_dir").asString();
            tests.add(DynamicTest.dynamicTest(dir, () -> {
                Problems problems = new Problems();
                ClusterReader.Split split = ConnectivityInput.read(List.of(root.resolve(dir)), problems);
                if (!problems.isEmpty()) {
                    return;
                }
                for (EnforcementProfile profile : GENERIC) {
                    compare(dir + " under " + profile, split.cluster().pods(),
                            build(split.cluster(), split.policies(), profile), split.policies());
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(40);
        return tests.stream();
    }

    @Test
    void most_netpol_analyzer_inputs_are_computed_per_rule() throws IOException, URISyntaxException {
        Path root = NetpolAnalyzerConformanceTest.root();
        int perRule = 0;
        for (JsonNode testCase : YAMLMapper.builder().build().readTree(Files.readString(root.resolve("INDEX.yaml")))
                .path("cases")) {
            Problems problems = new Problems();
            ClusterReader.Split split = ConnectivityInput.read(List.of(root.resolve(testCase.path("input_dir")
                    .asString())), problems);
            Optional<Simulator> simulator = problems.isEmpty() ? build(split.cluster(), split.policies(),
                    EnforcementProfile.generic()) : Optional.empty();
            if (simulator.isPresent() && ConnectivityMatrix.analyse(simulator.get(), split.policies()).perRule()) {
                perRule++;
            }
        }
        assertThat(perRule).as("inputs computed per rule").isGreaterThanOrEqualTo(20);
    }

    private static Optional<Simulator> build(dev.kordon.simulator.cluster.Cluster cluster, List<Manifest> policies,
            EnforcementProfile profile) {
        try {
            return Optional.of(Simulator.build(cluster, policies, profile));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /** Asserts that both ways agree, or that the per-rule way declines exactly where it must. */
    static void compare(String what, List<Pod> pods, Optional<Simulator> built, List<Manifest> policies) {
        if (built.isEmpty()) {
            return;
        }
        Simulator simulator = built.get();
        ConnectivityMatrix.Layout layout = new ConnectivityMatrix.Layout(simulator, Boundaries.cidrs(policies,
                "ingress"), Boundaries.cidrs(policies, "egress"), Boundaries.portStarts(policies, pods));
        Optional<ConnectivityMatrix> perRule = ConnectivityMatrix.perRule(simulator, layout);
        boolean stateable = simulator.profile().cni() == EnforcementProfile.Cni.GENERIC
                && simulator.profile().mesh() == EnforcementProfile.Mesh.NONE
                && policies.stream().allMatch(policy -> policy.kind().equals("NetworkPolicy"));
        assertThat(perRule.isPresent()).as("per-rule matrix available for %s", what).isEqualTo(stateable);
        if (perRule.isPresent()) {
            assertThat(perRule.get().connections()).as("per-rule matrix of %s", what)
                    .containsExactlyElementsOf(ConnectivityMatrix.perPair(simulator, layout).connections());
        }
    }
}
