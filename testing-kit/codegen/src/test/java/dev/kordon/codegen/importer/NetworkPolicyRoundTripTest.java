package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Flow;
import dev.kordon.simulator.verify.CaseReader;
import dev.kordon.simulator.verify.Probe;
import dev.kordon.simulator.verify.ReachabilityCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The upstream Kubernetes e2e NetworkPolicy cases (the simulator's conformance data): importing each case's policies,
 * generating the {@code kubernetes} target from the imported source and simulating it gives the same verdict as the
 * original policies on every flow of the probe grid and every probe of the case.
 */
class NetworkPolicyRoundTripTest {

    private static final Path CASES = Path.of("../simulator/src/test/resources/conformance/cases");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(file -> file.getFileName().toString().startsWith("kubernetes-e2e-netpol-")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void imported_policies_decide_every_probe_as_the_originals(Path file, @TempDir Path work) throws IOException {
        // given
        ReachabilityCase testCase = new CaseReader().read(file);
        Path policies = Files.writeString(work.resolve("policies.yaml"),
                YAMLMapper.builder().build().readTree(Files.readString(file)).path("policies").asString(),
                StandardCharsets.UTF_8);
        List<Flow> probes = testCase.probes().stream().map(Probe::flow).toList();

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(policies, testCase.cluster(), testCase.policies(),
                testCase.profile(), "kubernetes", probes, work.resolve("build"));

        // then
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.probes()).isGreaterThan(probes.size());
        assertThat(outcome.differences()).isEmpty();
    }
}
