package dev.kordon.testing;

import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.Probes.to;
import static dev.kordon.testing.fixture.Shop.BACKEND;
import static dev.kordon.testing.fixture.Shop.DATABASE;
import static dev.kordon.testing.fixture.Shop.FRONTEND;
import static dev.kordon.testing.fixture.Shop.FRONTEND_TYPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.generators.FidelityReport;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import dev.kordon.testing.fixture.Shop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The failure texts that docs/testing.md shows are the real ones: each block after a {@code <!-- failure: id -->}
 * marker must equal the message of the failing assertion with that id (run with {@code -Dkordon.updateDocs=true} to
 * rewrite the blocks).
 */
@KordonTest(policies = Shop.class, cluster = "src/test/resources/k8s/shop.yaml",
        targets = {"cilium", "kubernetes+istio"})
class DocumentedFailuresTest {

    private static final Path DOC = Path.of("..", "..", "docs", "testing.md");
    private static final Pattern BLOCK = Pattern.compile("<!-- failure: ([a-z-]+) -->\n```text\n(.*?)```",
            Pattern.DOTALL);

    @ReachabilityTest(targets = "cilium")
    void on_cilium(Reachability net) throws IOException {
        Map<String, ThrowingCallable> failures = new LinkedHashMap<>();
        failures.put("allows", () -> assertThat(net).allows(from(FRONTEND).to(DATABASE).port(5432)));
        failures.put("allows-http", () -> assertThat(net).allows(from(FRONTEND).to(BACKEND).post("/api/users")
                .port(8080)));
        failures.put("allows-only", () -> assertThat(net.workload(DATABASE)).allowsOnly(from(BACKEND).port(5432)));
        failures.put("reachable-from", () -> assertThat(net.workload(DATABASE)).reachableFrom()
                .containsExactly("shop/frontend"));
        failures.put("label-typo", () -> assertThat(net).allows(from(FRONTEND_TYPO).to(BACKEND).port(8080)));
        failures.put("no-port", () -> assertThat(net).allows(from(FRONTEND).to(BACKEND)));
        failures.put("soft", () -> {
            KordonSoftAssertions softly = new KordonSoftAssertions();
            softly.assertThat(net).allows(from(FRONTEND).to(DATABASE).port(5432));
            softly.assertThat(net.workload(FRONTEND)).isIsolatedForIngress();
            softly.assertAll();
        });
        check(failures);
    }

    @ReachabilityTest(targets = "kubernetes+istio")
    void on_kubernetes(Reachability net) throws IOException {
        Map<String, ThrowingCallable> failures = new LinkedHashMap<>();
        failures.put("denies", () -> assertThat(net).denies(from(BACKEND).to(DATABASE).port(5432)));
        failures.put("isolated", () -> assertThat(net.workload(FRONTEND)).isIsolatedForIngress());
        failures.put("fidelity-exact", () -> assertThat(net).fidelity().isExact());
        failures.put("fidelity-widening", () -> assertThat(net).fidelity().hasNoWidening());
        check(failures);
    }

    @ReachabilityTest(targets = "intent")
    void on_the_intent(Reachability net) throws IOException {
        Map<String, ThrowingCallable> failures = new LinkedHashMap<>();
        failures.put("snapshot", () -> assertThat(net).matchesSnapshot(
                "src/test/resources/snapshots/intent-before-database-rule.txt"));
        failures.put("faithfulness", () -> {
            Problems problems = new Problems();
            List<Manifest> manifests = new ManifestReader().read(List.of(Path.of("src/test/resources/manifests/too-open")),
                    problems);
            problems.throwIfAny();
            Reachability handWritten = Reachability.of("kubernetes", Simulator.build(net.cluster(), manifests,
                    EnforcementProfile.generic()), manifests);
            Faithfulness.Result result = Faithfulness.compare(net.policySets(), net, handWritten,
                    new FidelityReport("kubernetes", 7, List.of()));
            throw new AssertionError(result.message());
        });
        failures.put("allows-only-outbound", () -> assertThat(net.workload(BACKEND))
                .allowsOnly(from(FRONTEND).get("/api/users").port(8080), to(DATABASE).port(5432)));
        check(failures);
    }

    static void check(Map<String, ThrowingCallable> failures) throws IOException {
        String previous = System.clearProperty(Snapshots.UPDATE);
        try {
            String doc = Files.readString(DOC, StandardCharsets.UTF_8);
            Map<String, String> messages = new LinkedHashMap<>();
            failures.forEach((id, failing) -> {
                Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(failing);
                assertThat(thrown).as("the documented failure %s", id).isNotNull();
                messages.put(id, normalise(thrown.getMessage()));
            });
            if (Boolean.parseBoolean(System.getProperty("kordon.updateDocs"))) {
                Files.writeString(DOC, rewrite(doc, messages), StandardCharsets.UTF_8);
                return;
            }
            Map<String, String> documented = new LinkedHashMap<>();
            Matcher matcher = BLOCK.matcher(doc);
            while (matcher.find()) {
                documented.put(matcher.group(1), matcher.group(2));
            }
            messages.forEach((id, message) -> assertThat(documented.get(id))
                    .as("docs/testing.md block <!-- failure: %s --> (rewrite with -Dkordon.updateDocs=true)", id)
                    .isEqualTo(message));
        } finally {
            if (previous != null) {
                System.setProperty(Snapshots.UPDATE, previous);
            }
        }
    }

    /** The message as the docs show it: machine paths shortened, a trailing newline. */
    private static String normalise(String message) {
        String text = message.replace(Path.of("").toAbsolutePath() + "/", "")
                .replaceAll("(?m)^\\s*at [\\w.$]+\\([\\w$]+\\.java:\\d+\\)\\n?", "").strip();
        return text + "\n";
    }

    private static String rewrite(String doc, Map<String, String> messages) {
        Matcher matcher = BLOCK.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String id = matcher.group(1);
            String body = messages.getOrDefault(id, matcher.group(2));
            matcher.appendReplacement(out, Matcher.quoteReplacement("<!-- failure: " + id + " -->\n```text\n" + body
                    + "```"));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
