package dev.kordon.build.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.build.KordonBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole report of the fixture project, compared with golden files, with and without a cluster. The report on the
 * cluster is left in {@code target/kordon-report/}, where {@code src/test/browser/screenshot.sh} looks for it.
 */
class ReportGoldenTest {

    static final List<Path> CLASSPATH = List.of(Path.of("target/test-classes"));
    static final List<Path> CLUSTER = List.of(Path.of("src/test/resources/cluster/workloads.yaml"));
    static final List<String> TARGETS = List.of("kubernetes+cnp", "cilium+istio");

    @Test
    void reports_policy_sets_fidelity_and_reachability_on_a_cluster() throws IOException {
        // given
        Path kept = Path.of("target/kordon-report");
        ReportRequest request = new ReportRequest(CLASSPATH, List.of(), TARGETS, CLUSTER, kept);

        // when
        ReportResult result = new KordonBuild().report(request);

        // then
        Golden.assertFile("shop/index.html", Files.readString(kept.resolve("index.html"), StandardCharsets.UTF_8));
        Golden.assertFile("shop/summary.md", Files.readString(kept.resolve("summary.md"), StandardCharsets.UTF_8));
        assertThat(result.files()).containsExactly(kept.resolve("index.html"), kept.resolve("summary.md"));
        assertThat(result.summary()).isEqualTo("2 policy sets, 8 intents, 2 targets, 5 fidelity findings,"
                + " 23 allowed connections");
    }

    @Test
    void says_there_is_no_reachability_without_a_cluster(@TempDir Path output) throws IOException {
        // given
        ReportRequest request = new ReportRequest(CLASSPATH, List.of(), TARGETS, List.of(), output);

        // when
        ReportResult result = new KordonBuild().report(request);

        // then
        String html = Files.readString(output.resolve("index.html"), StandardCharsets.UTF_8);
        Golden.assertFile("shop-without-cluster/index.html", html);
        Golden.assertFile("shop-without-cluster/summary.md", Files.readString(output.resolve("summary.md"),
                StandardCharsets.UTF_8));
        assertThat(html).contains("No cluster was given").doesNotContain("<h3>Reachability</h3>");
        assertThat(result.connections()).isZero();
    }

    @Test
    void reports_only_the_named_policy_sets(@TempDir Path output) throws IOException {
        // given
        ReportRequest request = new ReportRequest(CLASSPATH, List.of("platform"), List.of("kubernetes+cnp"),
                List.of(), output);

        // when
        ReportResult result = new KordonBuild().report(request);

        // then
        assertThat(result.summary()).isEqualTo("1 policy set, 1 intent, 1 target, 0 fidelity findings,"
                + " 0 allowed connections");
        assertThat(Files.readString(output.resolve("summary.md"), StandardCharsets.UTF_8))
                .contains("1 policy set (`platform`)", "Every intent is enforced exactly.");
    }
}
