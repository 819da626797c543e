package dev.kordon.simulator.analysis;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The semantic difference of two connectivity lists, as np-guard netpol-analyzer's {@code diff} reports it: every
 * ordered pair of peers whose allowed connections differ, {@code added} (nothing allowed by the first, something by
 * the second), {@code removed} (the other way round) or {@code changed} (both allow something, not the same).
 *
 * <p>Both sides are analysed on the union of their workloads (a workload missing from one side has no connections
 * there) and with the same external intervals (cut at the CIDRs of both sides' policies) and port intervals, so their
 * lines are comparable. Lines are ordered changed, added, removed, each by source then destination label.
 */
public final class ConnectivityDiff {

    /** What happened to the connections of a pair. */
    public enum Type {
        CHANGED,
        ADDED,
        REMOVED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One differing pair.
     *
     * @param type          added, removed or changed
     * @param source        the source peer
     * @param destination   the destination peer
     * @param first         what the first side allows ({@code No Connections} when added)
     * @param second        what the second side allows ({@code No Connections} when removed)
     * @param workloadsInfo which of the pair's workloads exist on one side only, e.g. {@code workload a/b[Pod] added};
     *                      empty when both exist on both sides
     */
    public record Line(Type type, Peer source, Peer destination, ConnectionSet first, ConnectionSet second,
            String workloadsInfo) {

        public Line {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            Objects.requireNonNull(workloadsInfo, "workloadsInfo");
        }

        /** netpol-analyzer's text line. */
        @Override
        public String toString() {
            return "diff-type: " + type + ", source: " + label(source) + ", destination: " + label(destination)
                    + ", dir1:  " + first + ", dir2: " + second
                    + (workloadsInfo.isEmpty() ? "" : ", workloads-diff-info: " + workloadsInfo);
        }
    }

    private final List<Line> lines;
    private final List<InputProblem> warnings;

    private ConnectivityDiff(List<Line> lines, List<InputProblem> warnings) {
        this.lines = lines;
        this.warnings = warnings;
    }

    /**
     * What the analysis of either side noticed without being wrong input: Ingress or Route backends that name no
     * usable Service or port, or that policy blocks (see {@link Connectivity#warnings()}).
     */
    public List<InputProblem> warnings() {
        return warnings;
    }

    /**
     * The difference of the manifests of {@code second} from those of {@code first}, under the profile.
     *
     * @throws InputException with every problem of both sides
     */
    public static ConnectivityDiff analyse(List<Path> first, List<Path> second, EnforcementProfile profile) {
        Problems problems = new Problems();
        ConnectivityInput.Read one = ConnectivityInput.readAll(first, problems);
        ConnectivityInput.Read two = ConnectivityInput.readAll(second, problems);
        problems.throwIfAny();
        List<InputProblem> engineProblems = new ArrayList<>();
        Simulator before = build(one.split(), profile, engineProblems);
        Simulator after = build(two.split(), profile, engineProblems);
        if (!engineProblems.isEmpty()) {
            throw new InputException(engineProblems);
        }
        Connectivity[] both = connectivities(before, one.split().policies(), after, two.split().policies());
        return of(one.withIngressController(both[0], profile), two.withIngressController(both[1], profile));
    }

    private static Simulator build(ClusterReader.Split split, EnforcementProfile profile,
            List<InputProblem> problems) {
        try {
            return Simulator.build(split.cluster(), split.policies(), profile);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** The difference of the second simulator's connectivity from the first's. */
    public static ConnectivityDiff of(Simulator first, List<Manifest> firstPolicies, Simulator second,
            List<Manifest> secondPolicies) {
        Connectivity[] both = connectivities(first, firstPolicies, second, secondPolicies);
        return of(both[0], both[1]);
    }

    /** Both connectivity lists, cut at the same external intervals and port boundaries. */
    private static Connectivity[] connectivities(Simulator first, List<Manifest> firstPolicies, Simulator second,
            List<Manifest> secondPolicies) {
        List<Manifest> policies = Stream.concat(firstPolicies.stream(), secondPolicies.stream()).toList();
        List<Pod> pods = Stream.concat(first.cluster().pods().stream(), second.cluster().pods().stream()).toList();
        List<String> ingress = Boundaries.cidrs(policies, "ingress");
        List<String> egress = Boundaries.cidrs(policies, "egress");
        List<Integer> starts = Boundaries.portStarts(policies, pods);
        return new Connectivity[] {Connectivity.analyse(first, ingress, egress, starts),
                Connectivity.analyse(second, ingress, egress, starts)};
    }

    /** The difference of two connectivity lists (analysed with the same external intervals). */
    public static ConnectivityDiff of(Connectivity first, Connectivity second) {
        Set<String> firstWorkloads = workloadLabels(first);
        Set<String> secondWorkloads = workloadLabels(second);
        Map<String, Connection> before = byPair(first.connections());
        Map<String, Connection> after = byPair(second.connections());
        Map<String, Connection> pairs = new LinkedHashMap<>(before);
        after.forEach(pairs::putIfAbsent);
        ConnectionSet none = ConnectionSet.of(Map.of());
        List<Line> lines = new ArrayList<>();
        pairs.forEach((key, connection) -> {
            ConnectionSet one = before.containsKey(key) ? before.get(key).allowed() : none;
            ConnectionSet two = after.containsKey(key) ? after.get(key).allowed() : none;
            if (one.equals(two)) {
                return;
            }
            Type type = one.isEmpty() ? Type.ADDED : two.isEmpty() ? Type.REMOVED : Type.CHANGED;
            lines.add(new Line(type, connection.source(), connection.destination(), one, two,
                    workloadsInfo(connection, firstWorkloads, secondWorkloads)));
        });
        lines.sort(Comparator.comparing(Line::type).thenComparing(line -> line.source().toString())
                .thenComparing(line -> line.destination().toString()));
        return new ConnectivityDiff(List.copyOf(lines), Stream.concat(first.warnings().stream(),
                second.warnings().stream()).distinct().toList());
    }

    private static Set<String> workloadLabels(Connectivity connectivity) {
        return connectivity.peers().stream().filter(peer -> !peer.isExternal()).map(Peer::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Connection> byPair(List<Connection> connections) {
        Map<String, Connection> map = new LinkedHashMap<>();
        for (Connection connection : connections) {
            map.put(connection.source() + " => " + connection.destination(), connection);
        }
        return map;
    }

    private static String workloadsInfo(Connection connection, Set<String> first, Set<String> second) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Peer peer : List.of(connection.source(), connection.destination())) {
            if (peer.isExternal() || peer.isIngressController()) {
                continue;
            }
            String label = peer.toString();
            if (!first.contains(label)) {
                added.add(label);
            } else if (!second.contains(label)) {
                removed.add(label);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add((added.size() == 1 ? "workload " : "workloads ") + String.join(", ", added) + " added");
        }
        if (!removed.isEmpty()) {
            parts.add((removed.size() == 1 ? "workload " : "workloads ") + String.join(", ", removed) + " removed");
        }
        return String.join(", ", parts);
    }

    private static String label(Peer peer) {
        return peer.isExternal() ? peer.name() : peer.toString();
    }

    /** Every differing pair, ordered changed, added, removed, then by source and destination label. */
    public List<Line> lines() {
        return lines;
    }

    /** Whether the two sides allow exactly the same connections. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * The lines in netpol-analyzer's diff syntax, without a trailing newline: txt ({@code Connectivity diff:} then
     * one line per pair, or {@code No connections diff}), json, csv or md (with a {@code workloads-diff-info}
     * column).
     *
     * @throws IllegalArgumentException for dot, which has no diff form
     */
    public String render(ConnectivityFormat format) {
        return switch (format) {
            case TXT -> lines.isEmpty() ? "No connections diff"
                    : "Connectivity diff:\n" + lines.stream().map(Line::toString).collect(Collectors.joining("\n"));
            case JSON -> json();
            case CSV -> table("diff-type,source,destination,dir1,dir2,workloads-diff-info", ",",
                    ConnectivityDiff::csvField, "", "");
            case MD -> table("| diff-type | source | destination | dir1 | dir2 | workloads-diff-info |\n"
                    + "|-----------|--------|-------------|------|------|---------------------|", " | ",
                    text -> text.replace("|", "\\|"), "| ", " |");
            case DOT -> throw new IllegalArgumentException("a diff has no dot form");
        };
    }

    private String json() {
        if (lines.isEmpty()) {
            return "[]";
        }
        List<String> objects = new ArrayList<>();
        for (Line line : lines) {
            objects.add("  {\n    \"diff-type\": " + ConnectivityFormat.quote(line.type().toString())
                    + ",\n    \"source\": " + ConnectivityFormat.quote(label(line.source()))
                    + ",\n    \"destination\": " + ConnectivityFormat.quote(label(line.destination()))
                    + ",\n    \"dir1\": " + ConnectivityFormat.quote(line.first().toString())
                    + ",\n    \"dir2\": " + ConnectivityFormat.quote(line.second().toString())
                    + ",\n    \"workloads-diff-info\": " + ConnectivityFormat.quote(line.workloadsInfo()) + "\n  }");
        }
        return "[\n" + String.join(",\n", objects) + "\n]";
    }

    private String table(String header, String separator, java.util.function.UnaryOperator<String> field,
            String open, String close) {
        List<String> out = new ArrayList<>();
        out.add(header);
        for (Line line : lines) {
            out.add(open + Stream.of(line.type().toString(), label(line.source()), label(line.destination()),
                    line.first().toString(), line.second().toString(), line.workloadsInfo()).map(field)
                    .collect(Collectors.joining(separator)) + close);
        }
        return String.join("\n", out);
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectivityDiff that && lines.equals(that.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }
}
