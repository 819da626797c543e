package dev.kordon.build.report;

import static dev.kordon.build.report.Html.escape;
import static dev.kordon.build.report.Html.slug;

import dev.kordon.build.report.Report.Finding;
import dev.kordon.build.report.Report.IntentSummary;
import dev.kordon.build.report.Report.Node;
import dev.kordon.build.report.Report.SetSummary;
import dev.kordon.build.report.Report.TargetSummary;
import dev.kordon.generators.Fidelity;
import java.util.Optional;

/**
 * The report as one static, self-contained HTML page: inline CSS and SVG, no script, no external resource. Sections:
 * an overview of the targets, per target the fidelity table, the reachability matrix and the graph of who talks to
 * whom, then the policy sets with their intents.
 */
final class HtmlReport {

    private final Report report;
    private final StringBuilder html = new StringBuilder();

    private HtmlReport(Report report) {
        this.report = report;
    }

    static String render(Report report) {
        return new HtmlReport(report).page();
    }

    private String page() {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Kordon report</title>\n<style>\n").append(HtmlStyle.CSS).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<h1>Kordon report</h1>\n<p class=\"lead\">")
                .append(count(report.sets().size(), "policy set")).append(", ")
                .append(count(report.intents(), "intent")).append(", ")
                .append(count(report.targets().size(), "target")).append(".</p>\n");
        if (!report.clustered()) {
            html.append("<p class=\"note\">No cluster was given, so this report has no reachability: name the"
                    + " cluster's workload manifests (Namespaces, Deployments, …) to see who may talk to whom.</p>\n");
        }
        html.append("</header>\n");
        navigation();
        overview();
        report.targets().forEach(this::target);
        policySets();
        return html.append("</body>\n</html>\n").toString();
    }

    private void navigation() {
        html.append("<nav aria-label=\"Contents\">\n<ul>\n");
        for (TargetSummary target : report.targets()) {
            html.append("<li><a href=\"#target-").append(slug(target.id())).append("\">Target ")
                    .append(escape(target.id())).append("</a></li>\n");
        }
        html.append("<li><a href=\"#policy-sets\">Policy sets</a></li>\n</ul>\n</nav>\n");
    }

    private void overview() {
        html.append("<section id=\"overview\">\n<h2>Overview</h2>\n<table>\n<caption>Fidelity and reachability per"
                + " target</caption>\n<thead><tr><th scope=\"col\">Target</th><th scope=\"col\">Intents</th>"
                + "<th scope=\"col\">Exact</th><th scope=\"col\">Narrowed</th><th scope=\"col\">Widened</th>"
                + "<th scope=\"col\">Unsupported</th><th scope=\"col\">Allowed connections</th></tr></thead>\n"
                + "<tbody>\n");
        for (TargetSummary target : report.targets()) {
            html.append("<tr><th scope=\"row\"><a href=\"#target-").append(slug(target.id())).append("\">")
                    .append(escape(target.id())).append("</a></th><td class=\"num\">").append(target.intents())
                    .append("</td><td class=\"num\">").append(target.exact()).append("</td><td class=\"num\">")
                    .append(target.count(Fidelity.NARROWED)).append("</td><td class=\"num\">")
                    .append(target.count(Fidelity.WIDENED)).append("</td><td class=\"num\">")
                    .append(target.count(Fidelity.UNSUPPORTED)).append("</td><td class=\"num\">")
                    .append(report.clustered() ? Integer.toString(target.links().size()) : "–").append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void policySets() {
        html.append("<section id=\"policy-sets\">\n<h2>Policy sets</h2>\n");
        for (SetSummary set : report.sets()) {
            html.append("<article class=\"set\">\n<h3>").append(escape(set.name())).append("</h3>\n<p class=\"meta\">")
                    .append("owner: ").append(set.owner().isEmpty() ? "–" : escape(set.owner())).append(" · ")
                    .append(count(set.intents().size(), "intent")).append(set.dryRun() ? " · dry run" : "")
                    .append("</p>\n");
            if (!set.description().isEmpty()) {
                html.append("<p>").append(escape(set.description())).append("</p>\n");
            }
            html.append("<table class=\"intents\">\n<caption>Intents of ").append(escape(set.name()))
                    .append("</caption>\n<thead><tr><th scope=\"col\">Intent</th><th scope=\"col\">Kind</th>"
                            + "<th scope=\"col\">What it says</th></tr></thead>\n<tbody>\n");
            for (IntentSummary intent : set.intents()) {
                html.append("<tr><th scope=\"row\"><code>").append(escape(intent.name())).append("</code></th><td>")
                        .append(escape(intent.kind())).append("</td><td><code>").append(escape(intent.text()))
                        .append("</code></td></tr>\n");
            }
            html.append("</tbody>\n</table>\n</article>\n");
        }
        html.append("</section>\n");
    }

    private void target(TargetSummary target) {
        String id = "target-" + slug(target.id());
        html.append("<section class=\"target\" id=\"").append(id).append("\">\n<h2>Target <code>")
                .append(escape(target.id())).append("</code></h2>\n<p>").append(count(target.intents(), "intent"))
                .append(": ").append(target.exact()).append(" exact, ").append(target.count(Fidelity.NARROWED))
                .append(" narrowed, ").append(target.count(Fidelity.WIDENED)).append(" widened, ")
                .append(target.count(Fidelity.UNSUPPORTED)).append(" unsupported")
                .append(report.clustered() ? "; " + count(target.links().size(), "allowed connection") : "")
                .append(".</p>\n");
        fidelity(target);
        if (report.clustered()) {
            matrix(target);
            graph(target, id);
        }
        html.append("</section>\n");
    }

    private void fidelity(TargetSummary target) {
        html.append("<h3>Fidelity</h3>\n");
        if (target.findings().isEmpty()) {
            html.append("<p>Every intent is enforced exactly as declared.</p>\n");
            return;
        }
        html.append("<table class=\"fidelity\">\n<caption>Intent features ").append(escape(target.id()))
                .append(" does not enforce exactly</caption>\n<thead><tr><th scope=\"col\">Intent</th>"
                        + "<th scope=\"col\">Feature</th><th scope=\"col\">Backend</th><th scope=\"col\">Fidelity</th>"
                        + "<th scope=\"col\">Reason</th><th scope=\"col\">Accepted downgrade</th></tr></thead>\n"
                        + "<tbody>\n");
        for (Finding finding : target.findings()) {
            html.append("<tr><th scope=\"row\"><code>").append(escape(finding.policySet() + "/" + finding.intent()))
                    .append("</code></th><td><code>").append(escape(finding.feature())).append("</code></td><td>")
                    .append(escape(finding.backend())).append("</td><td class=\"fidelity-").append(finding.fidelity())
                    .append("\">").append(finding.fidelity()).append("</td><td>").append(escape(finding.reason()))
                    .append("</td><td>").append(finding.downgrade().isEmpty() ? "none"
                            : "<code>" + escape(finding.downgrade()) + "</code>").append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void matrix(TargetSummary target) {
        html.append("<h3>Reachability</h3>\n<p class=\"legend\">Rows open connections to columns. A cell lists what is"
                + " allowed; an empty cell is denied; a hatched cell is not analysed (a workload to itself, outside to"
                + " outside). Address ranges outside the cluster are shown where some connection reaches them. Each pair is probed"
                + " with plain connections, without an HTTP request: a connection that a mesh allows only for some HTTP"
                + " requests shows as denied.</p>\n"
                + "<div class=\"scroll\">\n<table class=\"matrix\">\n<caption>Allowed connections on ")
                .append(escape(target.id())).append("</caption>\n<thead><tr><td></td>");
        for (Node destination : target.destinations()) {
            html.append("<th scope=\"col\">").append(nodeLabel(destination)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Node source : target.sources()) {
            html.append("<tr><th scope=\"row\">").append(nodeLabel(source)).append("</th>");
            for (Node destination : target.destinations()) {
                Optional<String> allowed = target.allowed(source, destination);
                if (!TargetSummary.analysed(source, destination)) {
                    html.append("<td class=\"na\"><span class=\"sr\">not analysed</span></td>");
                } else if (allowed.isPresent()) {
                    html.append("<td class=\"allowed\">").append(escape(allowed.get()).replace(",", ",<wbr>"))
                            .append("</td>");
                } else {
                    html.append("<td><span class=\"sr\">denied</span></td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
    }

    private static String nodeLabel(Node node) {
        String name = escape(node.name());
        return (node.external() ? name.replace("-", "-<wbr>") : name) + "<span class=\"kind\">" + escape(node.kind())
                + "</span>";
    }

    private void graph(TargetSummary target, String id) {
        html.append("<h3>Who talks to whom</h3>\n");
        if (target.nodes().isEmpty()) {
            html.append("<p>The cluster has no workloads.</p>\n");
            return;
        }
        html.append("<figure>\n").append(ReachabilityGraph.svg(target, id + "-graph")).append("<figcaption>Each arrow"
                + " goes from the peer that opens a connection to the peer that accepts it, labelled with the allowed"
                + " ports; hover an arrow for the whole text.</figcaption>\n</figure>\n");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
