package dev.kordon.simulator.istio;

import dev.kordon.simulator.cluster.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The mTLS mode the proxy of a workload accepts on a port, composed as Istio does: the mesh-wide policy (root
 * namespace, no selector), overridden by the namespace-wide one, by the workload's (selector, not in the root
 * namespace), and by its port-level mode; UNSET inherits, and nothing set means PERMISSIVE. Two policies of one level
 * that disagree are decided by age; without {@code creationTimestamp}s that is ambiguous.
 */
final class PeerAuthentications {

    /** The mode on a port, and why. */
    record Resolution(MtlsMode mode, String because) {
    }

    private final List<PeerAuthn> policies;
    private final String rootNamespace;

    PeerAuthentications(List<PeerAuthn> policies, String rootNamespace) {
        this.policies = policies.stream().sorted(Comparator.comparing(PeerAuthn::resource)).toList();
        this.rootNamespace = rootNamespace;
    }

    /**
     * The mode on a port; more than one when policies of one level disagree and their ages are not known (each is
     * then a possible mode).
     */
    List<Resolution> resolve(Pod pod, int port) {
        boolean root = pod.namespace().equals(rootNamespace);
        List<Optional<PeerAuthn>> mesh = level(policies.stream().filter(p -> p.namespace().equals(rootNamespace)
                && p.selector().isEmpty()).toList());
        List<Optional<PeerAuthn>> namespace = root ? List.of(Optional.empty()) : level(policies.stream()
                .filter(p -> p.namespace().equals(pod.namespace()) && p.selector().isEmpty()).toList());
        List<Optional<PeerAuthn>> workload = root ? List.of(Optional.empty()) : level(policies.stream()
                .filter(p -> p.namespace().equals(pod.namespace()) && !p.selector().isEmpty()
                        && new WorkloadScope.Selector(p.selector()).selects(pod.labels())).toList());
        List<Resolution> resolutions = new ArrayList<>();
        for (Optional<PeerAuthn> m : mesh) {
            for (Optional<PeerAuthn> n : namespace) {
                for (Optional<PeerAuthn> w : workload) {
                    Resolution resolution = compose(m, n, w, port);
                    if (!resolutions.contains(resolution)) {
                        resolutions.add(resolution);
                    }
                }
            }
        }
        return resolutions;
    }

    private static Resolution compose(Optional<PeerAuthn> mesh, Optional<PeerAuthn> namespace,
            Optional<PeerAuthn> workload, int port) {
        MtlsMode mode = MtlsMode.PERMISSIVE;
        String because = "no PeerAuthentication sets a mode: PERMISSIVE by default";
        for (Optional<PeerAuthn> level : List.of(mesh, namespace, workload)) {
            if (level.isPresent() && level.get().mode() != MtlsMode.UNSET) {
                mode = level.get().mode();
                because = level.get().resource() + " sets " + mode;
            }
        }
        if (workload.isPresent() && workload.get().portModes().getOrDefault(port, MtlsMode.UNSET) != MtlsMode.UNSET) {
            mode = workload.get().portModes().get(port);
            because = workload.get().resource() + " sets " + mode + " on port " + port;
        }
        return new Resolution(mode, because);
    }

    /** The policy of a level: the only one, the oldest, or, when that is not known and they disagree, each. */
    private static List<Optional<PeerAuthn>> level(List<PeerAuthn> candidates) {
        if (candidates.size() <= 1) {
            return List.of(candidates.stream().findFirst());
        }
        if (candidates.stream().allMatch(p -> !p.created().isEmpty())) {
            return List.of(candidates.stream().min(Comparator.comparing(PeerAuthn::created)));
        }
        if (candidates.stream().allMatch(p -> p.sameModes(candidates.get(0)))) {
            return List.of(Optional.of(candidates.get(0)));
        }
        return candidates.stream().map(Optional::of).toList();
    }
}
