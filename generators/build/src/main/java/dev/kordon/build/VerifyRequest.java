package dev.kordon.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to verify: the manifests generated now from a project's policy sets, against the copies committed for GitOps
 * (drift) and against the reachability baseline (the gate).
 *
 * @param classpath      the project's compiled classes first, then the class path they need
 * @param sets           the policy sets by name; empty for all
 * @param targets        the target ids; empty for all
 * @param committed      the directory of committed manifests ({@code <target>/…} as generated), if drift is checked
 * @param cluster        the cluster's workload manifests, for the gate
 * @param baseline       the directory of baseline files ({@code <target>.txt}), if the gate runs
 * @param updateBaseline rewrite the baseline instead of comparing with it
 */
public record VerifyRequest(List<Path> classpath, List<String> sets, List<String> targets, Optional<Path> committed,
        List<Path> cluster, Optional<Path> baseline, boolean updateBaseline) {

    public VerifyRequest {
        classpath = List.copyOf(classpath);
        sets = List.copyOf(sets);
        targets = List.copyOf(targets);
        cluster = List.copyOf(cluster);
    }
}
