package dev.kordon.cli;

import dev.kordon.generators.Generation;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.analysis.ConnectivityFormat;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.nio.file.Path;
import java.util.List;

/** The reachability of a target's generated manifests on a cluster, as {@code kordon generate --cluster} prints it. */
final class Reachability {

    private final ClusterReader.Split cluster;
    private final ProfileChoices choices;

    private Reachability(ClusterReader.Split cluster, ProfileChoices choices) {
        this.cluster = cluster;
        this.choices = choices;
    }

    /**
     * The cluster the workload manifests describe, simulated with each target's profile refined by the choices.
     *
     * @throws dev.kordon.simulator.input.InputException listing every problem, including policies among them
     */
    static Reachability of(List<Path> paths, ProfileChoices choices) {
        Problems problems = new Problems();
        ClusterReader.Split split = new ClusterReader().read(new ManifestReader().read(paths, problems), problems);
        for (Manifest policy : split.policies()) {
            problems.add(policy, "", "is not a cluster resource", "give --cluster only workloads, Pods, Namespaces and"
                    + " ServiceAccounts; the policies come from the generated manifests");
        }
        problems.throwIfAny();
        return new Reachability(split, choices);
    }

    /** The allowed connections of the target's manifests, in netpol-analyzer's line syntax, indented. */
    String of(Generation generation) {
        String target = generation.target().id();
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read(target + "/manifests.yaml", generation.stream(), problems);
        problems.throwIfAny();
        Simulator simulator = Simulator.build(cluster.cluster(), manifests,
                choices.applyTo(EnforcementProfile.forTarget(target)));
        Connectivity connectivity = Connectivity.analyse(simulator, manifests);
        StringBuilder text = new StringBuilder("  reachability on ").append(target)
                .append(" (simulated; connections without an HTTP request):\n");
        for (String line : ConnectivityFormat.TXT.render(connectivity.connections()).split("\n")) {
            if (!line.isBlank()) {
                text.append("    ").append(line).append('\n');
            }
        }
        return text.toString();
    }
}
