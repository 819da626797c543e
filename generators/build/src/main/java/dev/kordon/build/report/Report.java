package dev.kordon.build.report;

import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.AtomicFiles;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Generation;
import dev.kordon.simulator.analysis.Connectivity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a project's report shows, as plain values: the policy sets with their intents, and per target the fidelity
 * findings and (on a cluster) who may open which connections to whom. {@link #files()} renders it as
 * {@code index.html} (one static page) and {@code summary.md} (for a pull-request comment).
 *
 * @param sets      the policy sets, sorted by name
 * @param targets   the targets, in the registry's order
 * @param clustered whether a cluster was given, so that the targets carry reachability
 */
public record Report(List<SetSummary> sets, List<TargetSummary> targets, boolean clustered) {

    public Report {
        sets = sets.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        targets = List.copyOf(targets);
    }

    /** The report of generated sets without a cluster: no reachability. */
    public static Report of(List<PolicySet> sets, List<Generation> generations) {
        return ReportModel.of(sets, generations, Map.of(), false);
    }

    /** The report of generated sets with each target's connectivity on a cluster, by target id. */
    public static Report of(List<PolicySet> sets, List<Generation> generations, Map<String, Connectivity> reach) {
        return ReportModel.of(sets, generations, reach, true);
    }

    /** How many intents the sets declare. */
    public int intents() {
        return sets.stream().mapToInt(set -> set.intents().size()).sum();
    }

    /** The files of the report by name: {@code index.html} and {@code summary.md}. */
    public SortedMap<String, String> files() {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("index.html", HtmlReport.render(this));
        files.put("summary.md", MarkdownReport.render(this));
        return Collections.unmodifiableSortedMap(files);
    }

    /** Writes {@link #files()} into the directory, each whole or not at all, creating it; other files stay. */
    public ReportResult write(Path directory) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> file : files().entrySet()) {
                written.add(AtomicFiles.write(directory.resolve(file.getKey()), file.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + directory, e);
        }
        return new ReportResult(written, sets.size(), intents(), targets.size(),
                targets.stream().mapToInt(target -> target.findings().size()).sum(),
                targets.stream().mapToInt(target -> target.links().size()).sum());
    }

    /**
     * A policy set as the report lists it.
     *
     * @param name        the set's name
     * @param owner       who owns it; empty when not given
     * @param description what it is for; empty when not given
     * @param dryRun      whether its intents are only observed
     * @param intents     its intents, sorted by name
     */
    public record SetSummary(String name, String owner, String description, boolean dryRun,
            List<IntentSummary> intents) {

        public SetSummary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(description, "description");
            intents = List.copyOf(intents);
        }
    }

    /**
     * One intent: its name, its kind ({@code isolation}, {@code allow}, {@code admin deny (priority 10)} …) and what it
     * says, as {@code kordon summary} prints it.
     */
    public record IntentSummary(String name, String kind, String text) {

        public IntentSummary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * One finding of a target's fidelity report: a feature of an intent that the target does not enforce exactly.
     *
     * @param downgrade the accepted downgrade that allows it, or empty when none was accepted
     */
    public record Finding(String policySet, String intent, String feature, String backend, Fidelity fidelity,
            String reason, String downgrade) {

        public Finding {
            Objects.requireNonNull(policySet, "policySet");
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(fidelity, "fidelity");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(downgrade, "downgrade");
        }
    }

    /** A workload ({@code shop/frontend}, kind {@code Deployment}) or a range of external addresses (kind {@code External}). */
    public record Node(String name, String kind) {

        public Node {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }

        /** Whether this is a range of addresses outside the cluster. */
        public boolean external() {
            return kind.equals("External");
        }

        /** netpol-analyzer's label: {@code shop/frontend[Deployment]}. */
        @Override
        public String toString() {
            return name + "[" + kind + "]";
        }
    }

    /** What {@code source} may open to {@code destination}, in netpol-analyzer's words ({@code TCP 8080}). */
    public record Link(Node source, Node destination, String allowed) {

        public Link {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(allowed, "allowed");
        }
    }

    /**
     * One target: how many intents it assessed, what it does not enforce exactly, and on a cluster the connections
     * its manifests allow.
     *
     * @param id           the target's id
     * @param intents      how many intents were assessed
     * @param findings     the fidelity findings, sorted by policy set, intent, feature and backend
     * @param sources      the matrix's rows: every workload, then the external ranges some connection comes from
     * @param destinations the matrix's columns: every workload, then the external ranges some connection goes to
     * @param links        every allowed connection, sorted by source then destination
     */
    public record TargetSummary(String id, int intents, List<Finding> findings, List<Node> sources,
            List<Node> destinations, List<Link> links) {

        public TargetSummary {
            Objects.requireNonNull(id, "id");
            findings = List.copyOf(findings);
            sources = List.copyOf(sources);
            destinations = List.copyOf(destinations);
            links = List.copyOf(links);
        }

        /** How many intents are enforced exactly (have no finding). */
        public int exact() {
            return intents - worstByIntent().size();
        }

        /** How many intents have this as their worst finding. */
        public int count(Fidelity fidelity) {
            return (int) worstByIntent().values().stream().filter(worst -> worst == fidelity).count();
        }

        private Map<String, Fidelity> worstByIntent() {
            Map<String, Fidelity> worst = new TreeMap<>();
            for (Finding finding : findings) {
                worst.merge(finding.policySet() + "/" + finding.intent(), finding.fidelity(), Fidelity::worst);
            }
            return worst;
        }

        /** Every node of the graph: the sources, then the destinations that are not sources. */
        public List<Node> nodes() {
            List<Node> nodes = new ArrayList<>(sources);
            destinations.stream().filter(node -> !nodes.contains(node)).forEach(nodes::add);
            return List.copyOf(nodes);
        }

        /** What {@code source} may open to {@code destination}, if anything. */
        public Optional<String> allowed(Node source, Node destination) {
            return links.stream().filter(link -> link.source().equals(source) && link.destination().equals(destination))
                    .map(Link::allowed).findFirst();
        }

        /** Whether the pair was analysed: not a workload to itself, nor outside to outside. */
        public static boolean analysed(Node source, Node destination) {
            return !source.equals(destination) && !(source.external() && destination.external());
        }
    }
}
