package dev.kordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.verify.CaseReader;
import dev.kordon.simulator.verify.ReachabilityCase;
import dev.kordon.simulator.verify.Verification;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every upstream reachability case (src/test/resources/conformance, copied with its licences) whose engines exist must
 * pass, probe for probe. A case whose expectation depends on something outside the model is listed, with the precise
 * reason, in src/test/resources/conformance-gaps/*.yaml ({@code - case: FILE} / {@code reason: TEXT}); such a case must
 * still fail, so that the list never hides a case that passes. The engines not implemented yet are named in
 * docs/simulator.md.
 */
class ConformanceTest {

    /** The engines that exist: a case runs when its CNI and its mesh (if any) are among them. */
    static final Set<String> IMPLEMENTED = Set.of("generic", "calico", "cilium", "istio");

    @TestFactory
    Stream<DynamicTest> every_case_of_the_implemented_engines_passes() throws IOException, URISyntaxException {
        Map<String, String> gaps = gaps();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files("/conformance/cases")) {
            String name = file.getFileName().toString();
            ReachabilityCase testCase = new CaseReader().read(file);
            EnforcementProfile profile = testCase.profile();
            boolean runnable = IMPLEMENTED.contains(profile.cni().toString())
                    && (profile.mesh() == EnforcementProfile.Mesh.NONE || IMPLEMENTED.contains(profile.mesh().toString()));
            if (!runnable) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<String> failures = Verification.of(testCase).failures();
                if (gaps.containsKey(name)) {
                    assertThat(failures).as("%s is listed as a gap (%s) but passes: remove it from the list", name,
                            gaps.get(name)).isNotEmpty();
                } else {
                    assertThat(failures).as("failed probes of %s", name).isEmpty();
                }
            }));
        }
        return tests.stream();
    }

    private static Map<String, String> gaps() throws IOException, URISyntaxException {
        Map<String, String> gaps = new TreeMap<>();
        for (Path file : files("/conformance-gaps")) {
            for (JsonNode entry : YAMLMapper.builder().build().readTree(Files.readString(file))) {
                gaps.put(entry.path("case").asString(), entry.path("reason").asString());
            }
        }
        return gaps;
    }

    private static List<Path> files(String resource) throws IOException, URISyntaxException {
        java.net.URL url = ConformanceTest.class.getResource(resource);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(Path.of(url.toURI()))) {
            return listing.filter(file -> file.toString().toLowerCase(Locale.ROOT).endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("INDEX.yaml")).sorted().toList();
        }
    }
}
