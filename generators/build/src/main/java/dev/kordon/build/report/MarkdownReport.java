package dev.kordon.build.report;

import dev.kordon.build.report.Report.Finding;
import dev.kordon.build.report.Report.Link;
import dev.kordon.build.report.Report.TargetSummary;
import dev.kordon.generators.Fidelity;

/**
 * The report as a short GitHub-flavoured Markdown summary for a pull-request comment: one table of counts, then per
 * target its fidelity findings and, folded away, its allowed connections.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(Report report) {
        StringBuilder md = new StringBuilder("## Kordon report\n\n")
                .append(count(report.sets().size(), "policy set")).append(" (")
                .append(String.join(", ", report.sets().stream().map(set -> "`" + code(set.name()) + "`").toList()))
                .append("), ").append(count(report.intents(), "intent")).append(", ")
                .append(count(report.targets().size(), "target")).append(".")
                .append(report.clustered() ? "" : " No cluster was given: no reachability.").append("\n\n");
        md.append("| target | intents | exact | narrowed | widened | unsupported | allowed connections |\n")
                .append("|---|--:|--:|--:|--:|--:|--:|\n");
        for (TargetSummary target : report.targets()) {
            md.append("| `").append(code(target.id())).append("` | ").append(target.intents()).append(" | ")
                    .append(target.exact()).append(" | ").append(target.count(Fidelity.NARROWED)).append(" | ")
                    .append(target.count(Fidelity.WIDENED)).append(" | ").append(target.count(Fidelity.UNSUPPORTED))
                    .append(" | ").append(report.clustered() ? Integer.toString(target.links().size()) : "–")
                    .append(" |\n");
        }
        for (TargetSummary target : report.targets()) {
            md.append("\n### `").append(code(target.id())).append("`\n\n");
            findings(md, target);
            if (report.clustered()) {
                connections(md, target);
            }
        }
        return md.toString();
    }

    private static void findings(StringBuilder md, TargetSummary target) {
        if (target.findings().isEmpty()) {
            md.append("Every intent is enforced exactly.\n");
            return;
        }
        md.append("| intent | feature | fidelity | reason | accepted downgrade |\n|---|---|---|---|---|\n");
        for (Finding finding : target.findings()) {
            md.append("| `").append(code(finding.policySet() + "/" + finding.intent())).append("` | `")
                    .append(code(finding.feature())).append("` | ").append(finding.fidelity()).append(" | ")
                    .append(text(finding.reason())).append(" | ")
                    .append(finding.downgrade().isEmpty() ? "none" : "`" + code(finding.downgrade()) + "`")
                    .append(" |\n");
        }
    }

    private static void connections(StringBuilder md, TargetSummary target) {
        md.append("\n<details><summary>").append(count(target.links().size(), "allowed connection"))
                .append("</summary>\n\n");
        if (target.links().isEmpty()) {
            md.append("Nothing is allowed.\n");
        } else {
            md.append("| source | destination | allowed |\n|---|---|---|\n");
            for (Link link : target.links()) {
                md.append("| `").append(code(link.source().toString())).append("` | `")
                        .append(code(link.destination().toString())).append("` | ").append(text(link.allowed()))
                        .append(" |\n");
            }
        }
        md.append("\n</details>\n");
    }

    /**
     * Text for a table cell: Markdown's punctuation escaped with a backslash, {@code < > &} as character references
     * (GitHub renders inline HTML), line breaks as spaces.
     */
    static String text(String value) {
        StringBuilder out = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\r', '\t' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!' -> out.append('\\').append(ch);
                default -> out.append(ch < 0x20 ? '\uFFFD' : ch);
            }
        }
        return out.toString();
    }

    /**
     * Text inside a code span in a table cell: backticks and line breaks cannot be escaped there, so they become
     * {@code '} and spaces; {@code |} keeps its backslash, which GitHub's tables remove before the code span.
     */
    static String code(String value) {
        StringBuilder out = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '`' -> out.append('\'');
                case '|' -> out.append("\\|");
                default -> out.append(ch < 0x20 ? ' ' : ch);
            }
        }
        return out.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
