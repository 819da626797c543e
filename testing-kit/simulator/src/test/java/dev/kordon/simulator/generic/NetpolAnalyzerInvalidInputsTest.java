package dev.kordon.simulator.generic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The np-guard/netpol-analyzer inputs that must fail (conformance/netpol-analyzer/INDEX_invalid.yaml) and whose
 * problem is in a policy: the generic engine reports it. (The others are about pods, namespaces and user-defined
 * networks, which the cluster reader handles.)
 */
class NetpolAnalyzerInvalidInputsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad_netpols/subdir6           | spec.egress[0].ports: names a port, but every peer of this egress rule is an ipBlock",
        "np_bad_path_test_1            | metadata.name: is taken: NetworkPolicy default/backend-netpol is also defined",
        "np_bad_path_test_2            | spec.ingress[1].ports[0].endPort: is set with the named port 'http'",
        "anp_bad_path_test_5           | spec.subject: sets namespaces and pods together",
        "anp_bad_path_test_6           | spec.egress[0].to: is empty",
        "anp_bad_path_test_7           | spec.egress[0].to[0]: sets namespaces and pods together",
        "anp_bad_path_test_14          | spec.ingress[0].from: is missing",
        "anp_bad_path_test_17          | spec.ingress[3].ports[0]: sets portNumber and portRange together",
        "anp_test_with_empty_port_range | spec.ingress[0].ports[0].portRange: is not a range: start 10 is not below end 1",
        "anp_bad_path_test_18          | spec.ingress[0].action: is not a known action: 'Ok'",
        "anp_bad_path_test_20          | spec.priority: is out of range 0..1000: 1001",
        "banp_bad_path_test_9          | spec.egress[0].ports[0]: sets portNumber and namedPort together",
        "banp_bad_path_test_10         | spec.ingress[0].from: is missing",
        "banp_bad_path_test_13         | spec.ingress[2].ports[0]: sets portNumber and portRange together",
    })
    void reports_the_problem_of_an_invalid_input(String directory, String problem) throws URISyntaxException {
        // given
        Path input = Path.of(getClass().getResource("/conformance/netpol-analyzer/tests/" + directory).toURI());
        Problems problems = new Problems();
        GenericEngineFactory factory = new GenericEngineFactory();
        Set<String> types = factory.types();
        List<Manifest> policies = new ManifestReader().read(List.of(input), problems).stream()
                .filter(manifest -> types.contains(manifest.type())).toList();
        // when
        factory.create(TestCluster.CLUSTER, policies, EnforcementProfile.generic(), problems);
        // then
        assertThat(problems.all()).extracting(InputProblem::toString).anySatisfy(text -> assertThat(text)
                .contains(problem));
    }
}
