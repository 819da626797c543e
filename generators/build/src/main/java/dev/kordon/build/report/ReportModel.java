package dev.kordon.build.report;

import dev.kordon.build.report.Report.Finding;
import dev.kordon.build.report.Report.IntentSummary;
import dev.kordon.build.report.Report.Link;
import dev.kordon.build.report.Report.Node;
import dev.kordon.build.report.Report.SetSummary;
import dev.kordon.build.report.Report.TargetSummary;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.FidelityEntry;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Targets;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.analysis.Peer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns policy sets, generations and connectivity into the plain values of a {@link Report}. */
final class ReportModel {

    private ReportModel() {
    }

    static Report of(List<PolicySet> sets, List<Generation> generations, Map<String, Connectivity> reach,
            boolean clustered) {
        List<TargetSummary> targets = generations.stream()
                .sorted(Comparator.comparing((Generation g) -> Targets.ids().indexOf(g.target().id()))
                        .thenComparing(g -> g.target().id()))
                .map(generation -> target(generation, reach.get(generation.target().id()))).toList();
        return new Report(sets.stream().map(ReportModel::set).toList(), targets, clustered);
    }

    private static SetSummary set(PolicySet set) {
        List<String> lines = set.toString().lines().toList();
        List<IntentSummary> intents = new ArrayList<>();
        int first = lines.size() - set.intents().size();
        for (int i = 0; i < set.intents().size(); i++) {
            Intent intent = set.intents().get(i);
            intents.add(new IntentSummary(intent.name(), kind(intent), text(intent, lines.get(first + i))));
        }
        return new SetSummary(set.name(), set.owner(), set.description(), set.dryRun(), intents);
    }

    /** What the intent says: its line in the set's summary without the name, or its canonical meaning. */
    private static String text(Intent intent, String summaryLine) {
        String line = summaryLine.strip();
        return line.startsWith(intent.name() + " ") ? line.substring(intent.name().length()).strip()
                : intent.meaning();
    }

    private static String kind(Intent intent) {
        if (intent instanceof Connection connection) {
            return connection.isGuardrail() ? connection.tier() + " " + connection.action() + " (priority "
                    + connection.priority() + ")" : connection.action().toString();
        }
        return "isolation";
    }

    private static TargetSummary target(Generation generation, Connectivity connectivity) {
        List<Finding> findings = generation.report().entries().stream().map(ReportModel::finding).toList();
        List<Node> sources = new ArrayList<>();
        List<Node> destinations = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        if (connectivity != null) {
            connectivity.connections().forEach(c -> links.add(new Link(node(c.source()), node(c.destination()),
                    c.allowed().toString())));
            for (Peer peer : connectivity.peers()) {
                Node node = node(peer);
                if (!peer.isExternal() || links.stream().anyMatch(link -> link.source().equals(node))) {
                    sources.add(node);
                }
                if (!peer.isExternal() || links.stream().anyMatch(link -> link.destination().equals(node))) {
                    destinations.add(node);
                }
            }
        }
        return new TargetSummary(generation.target().id(), generation.report().intents(), findings, sources,
                destinations, links);
    }

    private static Node node(Peer peer) {
        return new Node(peer.name(), peer.kind());
    }

    private static Finding finding(FidelityEntry entry) {
        return new Finding(entry.policySet(), entry.intent(), entry.feature().id(), entry.backend(), entry.fidelity(),
                entry.reason(), entry.accepted() ? entry.downgrade().get(0).toString() : "");
    }
}
