package dev.kordon.build.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.build.report.Report.Finding;
import dev.kordon.build.report.Report.IntentSummary;
import dev.kordon.build.report.Report.Link;
import dev.kordon.build.report.Report.Node;
import dev.kordon.build.report.Report.SetSummary;
import dev.kordon.build.report.Report.TargetSummary;
import dev.kordon.generators.Fidelity;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every string in the report comes from users or their clusters, and none of it can add markup or break a table. */
class ReportEscapingTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final Node HOSTILE = new Node("ns/" + SCRIPT, "Deploy\"ment");
    private static final Node OUTSIDE = new Node("0.0.0.0-255.255.255.255", "External");
    private static final Report REPORT = new Report(
            List.of(new SetSummary("set<b>", "owner\" onload=\"x' & <i>", "a | b `c` *d* [e](javascript:f)", false,
                    List.of(new IntentSummary("<img src=x onerror=alert(1)>", "allow</td>", "x | y\nz")))),
            List.of(new TargetSummary("t<a href=x>", 1,
                    List.of(new Finding("set<b>", "in|tent`", "feature<", "backend&", Fidelity.WIDENED,
                            "reason | with `ticks` and <em>", "down|grade")),
                    List.of(HOSTILE, OUTSIDE), List.of(HOSTILE), List.of(new Link(OUTSIDE, HOSTILE, "TCP <80>|")))),
            true);

    private static final Set<String> TAGS = Set.of("a", "body", "caption", "code", "defs", "desc", "div", "figcaption",
            "figure", "g", "h1", "h2", "h3", "head", "header", "html", "li", "marker", "meta", "nav", "p", "path", "rect",
            "section", "article", "span", "style", "svg", "table", "tbody", "td", "text", "th", "thead", "title", "tr",
            "ul", "wbr");

    @Test
    void html_holds_user_strings_only_as_text() {
        // when
        String html = REPORT.files().get("index.html");

        // then
        assertThat(tags(html)).isSubsetOf(TAGS);
        assertThat(html).doesNotContain(SCRIPT, "<img", "<b>", "<i>", "<em>", "onload=\"", "http:", "https:")
                .contains("ns/&lt;script&gt;alert(1)&lt;/script&gt;", "owner&quot; onload=&quot;x&#39; &amp; &lt;i&gt;",
                        "TCP &lt;80&gt;|", "Deploy&quot;ment");
        assertThat(html.replace("url(#", "")).doesNotContain("url(");
    }

    @Test
    void svg_titles_and_labels_are_escaped() {
        // when
        String svg = ReachabilityGraph.svg(REPORT.targets().get(0), "graph");

        // then
        assertThat(tags(svg)).isSubsetOf(TAGS);
        assertThat(svg).doesNotContain(SCRIPT).contains("<title id=\"graph-title\">Who talks to whom on target"
                + " t&lt;a href=x&gt;</title>", ">ns/&lt;script&gt;alert(1)&lt;/script&gt;</text>");
    }

    @Test
    void markdown_keeps_its_tables_and_adds_no_markup() {
        // when
        String md = REPORT.files().get("summary.md");

        // then
        for (String line : md.split("\n")) {
            if (line.startsWith("| `t<a")) {
                assertThat(cells(line)).as(line).isEqualTo(7);
            } else if (line.startsWith("| `set<b>/")) {
                assertThat(cells(line)).as(line).isEqualTo(5);
            } else if (line.startsWith("| `0.0.0.0")) {
                assertThat(cells(line)).as(line).isEqualTo(3);
            }
        }
        String outsideCode = md.replaceAll("`[^`\n]*`", "");
        assertThat(tags(outsideCode)).containsOnly("details", "summary");
        assertThat(md).contains("reason \\| with \\`ticks\\` and &lt;em&gt;", "TCP &lt;80&gt;\\|", "/in\\|tent'`");
    }

    /** The element names opened in the text. */
    private static Set<String> tags(String text) {
        Set<String> tags = new TreeSet<>();
        Matcher matcher = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)").matcher(text);
        while (matcher.find()) {
            tags.add(matcher.group(1));
        }
        return tags;
    }

    /** The cells of a Markdown table row: the pipes not escaped with a backslash, less one. */
    private static int cells(String row) {
        return (int) Pattern.compile("(?<!\\\\)\\|").matcher(row).results().count() - 1;
    }
}
