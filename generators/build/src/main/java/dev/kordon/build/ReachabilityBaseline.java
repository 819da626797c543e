package dev.kordon.build;

import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.AtomicFiles;
import dev.kordon.generators.Generation;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.analysis.ConnectivityFormat;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The reachability gate: each target's generated manifests are simulated on the cluster, and the connectivity (in
 * netpol-analyzer's text syntax) is compared with the baseline committed as {@code <baseline>/<target>.txt}. Access
 * that widened fails the build, access that narrowed is reported, and an update rewrites the baseline.
 */
final class ReachabilityBaseline {

    private ReachabilityBaseline() {
    }

    /** The connectivity of a target's manifests on the cluster: every peer analysed and every allowed connection. */
    static Connectivity analyse(Generation generation, Cluster cluster) {
        List<Manifest> manifests = manifests(generation);
        return Connectivity.analyse(simulator(generation, cluster, manifests), manifests);
    }

    /**
     * The baseline text of a target: its connectivity, then, under a comment line, the sample HTTP requests that get
     * through where the plain connection does not ({@link HttpSamples}).
     */
    static String baseline(Generation generation, Cluster cluster, List<PolicySet> sets) {
        List<Manifest> manifests = manifests(generation);
        Simulator simulator = simulator(generation, cluster, manifests);
        Connectivity connectivity = Connectivity.analyse(simulator, manifests);
        String text = ConnectivityFormat.TXT.render(connectivity.connections());
        StringBuilder baseline = new StringBuilder(text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
        List<String> samples = HttpSamples.lines(simulator, connectivity, sets);
        if (!samples.isEmpty()) {
            baseline.append(HTTP_HEADER).append('\n');
            samples.forEach(line -> baseline.append(line).append('\n'));
        }
        return baseline.toString();
    }

    /** The comment line before the HTTP samples of a baseline. */
    static final String HTTP_HEADER = "# HTTP requests allowed where the plain connection is not (a request matching"
            + " each HTTP rule of the intents, and one matching none):";

    private static List<Manifest> manifests(Generation generation) {
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read(generation.target().id() + "/manifests.yaml",
                generation.stream(), problems);
        problems.throwIfAny();
        return manifests;
    }

    private static Simulator simulator(Generation generation, Cluster cluster, List<Manifest> manifests) {
        return Simulator.build(cluster, manifests, EnforcementProfile.forTarget(generation.target().id()));
    }

    /** Compares (or, with {@code update}, rewrites) the baseline of each target; adds what it finds to the result. */
    static void check(List<Generation> generations, List<PolicySet> sets, Cluster cluster, Path baseline,
            boolean update, VerifyResult.Builder result) {
        for (Generation generation : generations) {
            String target = generation.target().id();
            String now = baseline(generation, cluster, sets);
            Path file = baseline.resolve(target + ".txt");
            if (update) {
                if (!Files.isRegularFile(file) || !read(file).equals(now)) {
                    write(file, now);
                    result.updated(file.toString());
                }
                continue;
            }
            if (!Files.isRegularFile(file)) {
                result.widened(target + ": no baseline at " + file + " (run with -Dkordon.updateBaseline to write"
                        + " it, review it and commit it)");
                continue;
            }
            String committed = read(file);
            Map<String, ConnectionText> before = parse(committed, file);
            Map<String, ConnectionText> after = parse(now, file);
            TreeSet<String> samplesBefore = samples(committed);
            TreeSet<String> samplesNow = samples(now);
            samplesNow.stream().filter(line -> !samplesBefore.contains(line))
                    .forEach(line -> result.widened(target + ": " + line + " (new HTTP request allowed)"));
            samplesBefore.stream().filter(line -> !samplesNow.contains(line))
                    .forEach(line -> result.narrowed(target + ": " + line + " (HTTP request no longer allowed)"));
            after.forEach((pair, connections) -> {
                ConnectionText old = before.get(pair);
                String extra = old == null ? connections.beyond(ConnectionText.parse("No Connections"))
                        : connections.beyond(old);
                if (!extra.isEmpty()) {
                    result.widened(target + ": " + pair + " : " + extra + (old == null ? " (new)" : " (more than"
                            + " the baseline)"));
                }
            });
            before.forEach((pair, connections) -> {
                ConnectionText current = after.get(pair);
                String lost = current == null ? connections.beyond(ConnectionText.parse("No Connections"))
                        : connections.beyond(current);
                if (!lost.isEmpty()) {
                    result.narrowed(target + ": " + pair + " : " + lost + (current == null ? " (gone)" : " (no longer"
                            + " allowed)"));
                }
            });
        }
    }

    /** {@code source => destination} to the allowed connections, from netpol-analyzer's text lines. */
    private static Map<String, ConnectionText> parse(String text, Path file) {
        Map<String, ConnectionText> pairs = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.lastIndexOf(" : ");
            if (colon > 0 && HttpSamples.isSample(line.substring(colon + 3))) {
                continue;
            }
            try {
                if (colon < 0) {
                    throw new IllegalArgumentException("expected 'source => destination : connections'");
                }
                pairs.put(line.substring(0, colon), ConnectionText.parse(line.substring(colon + 3)));
            } catch (IllegalArgumentException e) {
                throw new BuildException("the baseline " + file + " line " + (i + 1) + " cannot be read: "
                        + e.getMessage(), "correct the line, or rewrite the baseline with -Dkordon.updateBaseline");
            }
        }
        return pairs;
    }

    /** The HTTP sample lines of a baseline text. */
    private static TreeSet<String> samples(String text) {
        TreeSet<String> lines = new TreeSet<>();
        for (String line : text.split("\n")) {
            int colon = line.lastIndexOf(" : ");
            if (!line.startsWith("#") && colon > 0 && HttpSamples.isSample(line.substring(colon + 3))) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the baseline " + file, e);
        }
    }
}
