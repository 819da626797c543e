package dev.kordon.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.PolicySet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared fixture (the article's examples, the product card, the online boutique) on every target: either the
 * whole output, schema-valid and golden, or the target's refusal with every problem and fix, golden too. Golden files
 * are {@code golden/<target>/all-targets/<case>.yaml} and {@code .fidelity.txt}, or {@code <case>.refused.txt}.
 */
class EveryTargetTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    private static Map<String, Supplier<PolicySet>> fixtures() {
        Map<String, Supplier<PolicySet>> fixtures = new LinkedHashMap<>();
        fixtures.put("seed-backend", Fixtures::seedBackend);
        fixtures.put("seed-deny-metadata-server", Fixtures::seedDenyMetadataServer);
        fixtures.put("seed-block-malicious-network", Fixtures::seedBlockMaliciousNetwork);
        fixtures.put("seed-api-gateway", Fixtures::seedApiGateway);
        fixtures.put("seed-deny-sensitive-ports", Fixtures::seedDenySensitivePorts);
        fixtures.put("seed-frontend-api", Fixtures::seedFrontendApi);
        fixtures.put("seed-backend-admin", Fixtures::seedBackendAdmin);
        fixtures.put("product-card", Fixtures::productCard);
        fixtures.put("product-card-with-downgrades", Fixtures::productCardWithDowngrades);
        fixtures.put("online-boutique", Fixtures::onlineBoutique);
        return fixtures;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String target : Targets.ids()) {
            fixtures().forEach((name, fixture) -> cases.add(Arguments.of(target, name, fixture)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void generates_or_refuses_with_reasons(String targetId, String name, Supplier<PolicySet> fixture) {
        // given
        Target target = Targets.parse(targetId);
        List<PolicySet> sets = List.of(fixture.get());
        // when
        FidelityReport report = new Generator().assess(sets, target);
        // then
        String golden = targetId + "/all-targets/" + name;
        if (!report.isAcceptable()) {
            assertThat(report.problems()).allSatisfy(problem -> assertThat(problem.hint()).isNotEmpty());
            Golden.assertFile(golden + ".refused.txt", report.text());
            return;
        }
        Generation generation = new Generator().generate(sets, target);
        for (Resource resource : generation.resources()) {
            assertThat(SCHEMAS.validate(resource)).as("schema violations of %s", resource.file()).isEmpty();
        }
        Golden.assertFile(golden + ".yaml", generation.stream());
        Golden.assertFile(golden + ".fidelity.txt", generation.report().text());
    }
}
