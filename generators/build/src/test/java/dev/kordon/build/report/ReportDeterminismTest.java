package dev.kordon.build.report;

import static dev.kordon.build.report.ReportGoldenTest.CLASSPATH;
import static dev.kordon.build.report.ReportGoldenTest.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.build.KordonBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's bytes depend on what it reports, not on the run, the order of the input or the default locale. */
class ReportDeterminismTest {

    @Test
    void writes_the_same_bytes_twice_whatever_the_order_of_targets_and_sets_and_the_locale(@TempDir Path first,
            @TempDir Path second, @TempDir Path third) throws IOException {
        // given
        KordonBuild build = new KordonBuild();
        ReportRequest request = new ReportRequest(CLASSPATH, List.of(), List.of("kubernetes+cnp", "cilium+istio"),
                CLUSTER, first);
        ReportRequest again = new ReportRequest(CLASSPATH, List.of(), List.of("kubernetes+cnp", "cilium+istio"),
                CLUSTER, second);
        ReportRequest shuffled = new ReportRequest(CLASSPATH, List.of("shop", "platform"),
                List.of("cilium+istio", "kubernetes+cnp"), CLUSTER, third);

        // when
        build.report(request);
        build.report(again);
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            build.report(shuffled);
        } finally {
            Locale.setDefault(previous);
        }

        // then
        for (String file : List.of("index.html", "summary.md")) {
            byte[] bytes = Files.readAllBytes(first.resolve(file));
            assertThat(second.resolve(file)).as(file + " written again").hasBinaryContent(bytes);
            assertThat(third.resolve(file)).as(file + " in another order and locale").hasBinaryContent(bytes);
        }
    }

    @Test
    void writes_utf8_with_newlines_and_a_trailing_newline_only(@TempDir Path output) throws IOException {
        // given
        ReportRequest request = new ReportRequest(CLASSPATH, List.of(), List.of("kubernetes+cnp"), CLUSTER, output);

        // when
        new KordonBuild().report(request);

        // then
        for (String file : List.of("index.html", "summary.md")) {
            String text = Files.readString(output.resolve(file));
            assertThat(text).as(file).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
        }
        assertThat(Files.readString(output.resolve("index.html"))).contains("<meta charset=\"utf-8\">");
    }
}
