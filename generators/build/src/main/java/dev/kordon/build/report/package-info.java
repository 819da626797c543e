/**
 * The report of a project's policies: {@link dev.kordon.build.report.Report} holds what it shows as plain values and
 * renders it as one static HTML page ({@code index.html}: policy sets, fidelity tables, reachability matrices and
 * graphs) and a Markdown summary for pull-request comments ({@code summary.md}). Both are byte-identical for the same
 * input, whatever its order, the default locale or the clock. {@link dev.kordon.build.KordonBuild#report} writes them
 * from a {@link dev.kordon.build.report.ReportRequest}; docs/report.md describes them.
 */
package dev.kordon.build.report;
