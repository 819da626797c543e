package dev.kordon.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.InputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every plain connectivity-list test of np-guard netpol-analyzer (conformance/netpol-analyzer/INDEX.yaml) gives
 * exactly netpol-analyzer's expected txt, json and csv under netpol-analyzer's semantics (generic CNI, ipBlocks never
 * select pods). A test whose expectation depends on something outside the policy model is listed with its reason in
 * conformance-gaps/netpol-analyzer.yaml and must still fail. Every input of INDEX_invalid.yaml must be rejected.
 */
class NetpolAnalyzerConformanceTest {

    /** netpol-analyzer's semantics: the generic engine, and ipBlock peers are external addresses only. */
    static final EnforcementProfile NETPOL_ANALYZER = new EnforcementProfile(EnforcementProfile.Cni.GENERIC,
            EnforcementProfile.Mesh.NONE, false, false);

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> every_plain_test_gives_the_expected_lists() throws IOException, URISyntaxException {
        Path root = root();
        Map<String, String> gaps = gaps();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : YAML.readTree(Files.readString(root.resolve("INDEX.yaml"))).path("cases")) {
            if (!testCase.path("plain").asBoolean(false)) {
                continue;
            }
            String dir = testCase.path("input_dir").asString();
            tests.add(DynamicTest.dynamicTest(dir, () -> {
                List<String> failures = failures(root, testCase);
                if (gaps.containsKey(dir)) {
                    assertThat(failures).as("%s is listed as a gap (%s) but passes: remove it from the list", dir,
                            gaps.get(dir)).isNotEmpty();
                } else {
                    assertThat(failures).as("differences for %s", dir).isEmpty();
                }
            }));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> every_invalid_input_is_rejected() throws IOException, URISyntaxException {
        Path root = root();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : YAML.readTree(Files.readString(root.resolve("INDEX_invalid.yaml"))).path("cases")) {
            String dir = testCase.path("input_dir").asString();
            tests.add(DynamicTest.dynamicTest(testCase.path("name").asString(), () -> assertThatThrownBy(
                    () -> ConnectivityInput.analyse(List.of(root.resolve(dir)), NETPOL_ANALYZER))
                    .isInstanceOf(InputException.class)
                    .satisfies(e -> assertThat(((InputException) e).problems()).isNotEmpty()
                            .allSatisfy(problem -> assertThat(problem.message()).isNotBlank()))));
        }
        return tests.stream();
    }

    private static List<String> failures(Path root, JsonNode testCase) throws IOException {
        Connectivity connectivity;
        try {
            connectivity = ConnectivityInput.analyse(List.of(root.resolve(testCase.path("input_dir").asString())),
                    NETPOL_ANALYZER);
        } catch (InputException e) {
            return List.of("rejected: " + e.getMessage());
        }
        List<String> failures = new ArrayList<>();
        for (JsonNode expected : testCase.path("expected")) {
            String file = expected.asString();
            ConnectivityFormat format = file.endsWith(".json") ? ConnectivityFormat.JSON
                    : file.endsWith(".csv") ? ConnectivityFormat.CSV : ConnectivityFormat.TXT;
            String want = Files.readString(root.resolve(file), StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
            String got = format.render(connectivity.connections()).strip();
            String dump = System.getProperty("netpol.dump", "");
            if (!dump.isEmpty()) {
                Path out = Path.of(dump).resolve(file);
                Files.createDirectories(out.getParent());
                Files.writeString(out, got);
            }
            if (!want.equals(got)) {
                failures.add(file + ":\n--- expected\n" + want + "\n--- actual\n" + got);
            }
        }
        return failures;
    }

    static Map<String, String> gaps() throws IOException, URISyntaxException {
        Map<String, String> gaps = new TreeMap<>();
        java.net.URL url = NetpolAnalyzerConformanceTest.class.getResource("/conformance-gaps/netpol-analyzer.yaml");
        if (url != null) {
            for (JsonNode entry : YAML.readTree(Files.readString(Path.of(url.toURI())))) {
                gaps.put(entry.path("case").asString(), entry.path("reason").asString());
            }
        }
        return gaps;
    }

    static Path root() throws URISyntaxException {
        return Path.of(NetpolAnalyzerConformanceTest.class.getResource("/conformance/netpol-analyzer/INDEX.yaml")
                .toURI()).getParent();
    }
}
