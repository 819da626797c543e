package dev.kordon.simulator.verify;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.input.Manifest;
import java.util.List;
import java.util.Objects;

/**
 * A reachability test file: a cluster, the policies in force, the profile that enforces them, and probes with the
 * expected verdict (the format of {@code docs/cli.md}, shared with upstream conformance data).
 *
 * @param file     the file, as given
 * @param source   where the case comes from (documentation only)
 * @param profile  what enforces policy
 * @param cluster  the cluster
 * @param policies the objects in force
 * @param probes   the expectations
 */
public record ReachabilityCase(String file, String source, EnforcementProfile profile, Cluster cluster,
        List<Manifest> policies, List<Probe> probes) {

    public ReachabilityCase {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(cluster, "cluster");
        policies = List.copyOf(policies);
        probes = List.copyOf(probes);
    }
}
