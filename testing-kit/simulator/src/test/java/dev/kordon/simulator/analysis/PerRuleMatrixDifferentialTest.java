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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The connectivity matrix computed per rule equals the one decided flow by flow, cell for cell, on every input both
 * can analyse: the upstream conformance cases and the netpol-analyzer inputs, under their own profiles and under the
 * generic one with either choice of ipBlocks selecting pods, NetworkPolicies and the cluster-wide tiers
 * (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy) alike. Where the per-rule form does not
 * apply (another CNI, a mesh), the matrix falls back to deciding flow by flow.
 */
class PerRuleMatrixDifferentialTest {

    private static final Set<String> TIERED = Set.of("ClusterNetworkPolicy", "AdminNetworkPolicy",
            "BaselineAdminNetworkPolicy");
    private static final List<EnforcementProfile> GENERIC = List.of(EnforcementProfile.generic(),
            NetpolAnalyzerConformanceTest.NETPOL_ANALYZER);

    @TestFactory
    Stream<DynamicTest> conformance_cases_give_the_same_matrix_either_way() throws IOException,
            URISyntaxException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : caseFiles()) {
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
        assertThat(tests).hasSizeGreaterThan(100);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> netpol_analyzer_inputs_give_the_same_matrix_either_way() throws IOException,
            URISyntaxException {
        Path root = NetpolAnalyzerConformanceTest.root();
        List<DynamicTest> tests = new ArrayList<>();
        for (String dir : netpolAnalyzerInputs()) {
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
    void every_netpol_analyzer_input_the_simulator_reads_is_computed_per_rule() throws IOException,
            URISyntaxException {
        Path root = NetpolAnalyzerConformanceTest.root();
        List<String> perRule = new ArrayList<>();
        List<String> declined = new ArrayList<>();
        for (String dir : netpolAnalyzerInputs()) {
            Problems problems = new Problems();
            ClusterReader.Split split = ConnectivityInput.read(List.of(root.resolve(dir)), problems);
            Optional<Simulator> simulator = problems.isEmpty() ? build(split.cluster(), split.policies(),
                    EnforcementProfile.generic()) : Optional.empty();
            if (simulator.isPresent()) {
                (ConnectivityMatrix.analyse(simulator.get(), split.policies()).perRule() ? perRule : declined)
                        .add(dir);
            }
        }
        assertThat(declined).as("inputs computed flow by flow").isEmpty();
        assertThat(perRule).as("inputs computed per rule").hasSize(39);
    }

    @Test
    void every_case_with_cluster_wide_policies_is_computed_per_rule_under_the_generic_engine() throws IOException,
            URISyntaxException {
        List<String> perRule = new ArrayList<>();
        List<String> declined = new ArrayList<>();
        for (Path file : caseFiles()) {
            ReachabilityCase testCase = new CaseReader().read(file);
            if (testCase.policies().stream().noneMatch(policy -> TIERED.contains(policy.kind()))) {
                continue;
            }
            Optional<Simulator> simulator = build(testCase.cluster(), testCase.policies(),
                    EnforcementProfile.generic());
            if (simulator.isPresent()) {
                (ConnectivityMatrix.analyse(simulator.get(), testCase.policies()).perRule() ? perRule : declined)
                        .add(testCase.file());
            }
        }
        assertThat(declined).as("cases with cluster-wide policies decided flow by flow").isEmpty();
        assertThat(perRule).as("cases with cluster-wide policies computed per rule").hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void netpol_analyzer_inputs_with_admin_network_policies_are_computed_per_rule() throws IOException,
            URISyntaxException {
        Path root = NetpolAnalyzerConformanceTest.root();
        List<String> tiered = new ArrayList<>();
        for (String dir : netpolAnalyzerInputs()) {
            Problems problems = new Problems();
            ClusterReader.Split split = ConnectivityInput.read(List.of(root.resolve(dir)), problems);
            if (!problems.isEmpty() || split.policies().stream().noneMatch(p -> TIERED.contains(p.kind()))) {
                continue;
            }
            Optional<Simulator> simulator = build(split.cluster(), split.policies(), EnforcementProfile.generic());
            if (simulator.isEmpty()) {
                // invalid against the v1alpha1 schema: listed in conformance-gaps/netpol-analyzer.yaml
                continue;
            }
            assertThat(ConnectivityMatrix.analyse(simulator.get(), split.policies()).perRule())
                    .as("%s computed per rule", dir).isTrue();
            tiered.add(dir);
        }
        assertThat(tiered).as("netpol-analyzer inputs with cluster-wide policies").hasSizeGreaterThanOrEqualTo(10);
    }

    /** The upstream conformance case files, by name. */
    private static List<Path> caseFiles() throws IOException, URISyntaxException {
        Path cases = Path.of(PerRuleMatrixDifferentialTest.class.getResource("/conformance/cases/INDEX.yaml").toURI())
                .getParent();
        try (Stream<Path> files = Files.list(cases)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("INDEX.yaml")).sorted().toList();
        }
    }

    /** The input directories of the netpol-analyzer tests, as its index lists them. */
    private static List<String> netpolAnalyzerInputs() throws IOException, URISyntaxException {
        List<String> dirs = new ArrayList<>();
        for (JsonNode testCase : YAMLMapper.builder().build().readTree(Files.readString(NetpolAnalyzerConformanceTest
                .root().resolve("INDEX.yaml"))).path("cases")) {
            dirs.add(testCase.path("input_dir").asString());
        }
        return dirs;
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
                && simulator.profile().mesh() == EnforcementProfile.Mesh.NONE;
        assertThat(perRule.isPresent()).as("per-rule matrix available for %s", what).isEqualTo(stateable);
        if (perRule.isPresent()) {
            assertThat(perRule.get().connections()).as("per-rule matrix of %s", what)
                    .containsExactlyElementsOf(ConnectivityMatrix.perPair(simulator, layout).connections());
        }
    }
}
