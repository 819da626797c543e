package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.cluster.Pod;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A workload endpoint: a pod Calico polices, the labels selectors see on it (its own, the
 * {@code projectcalico.org/*} ones Calico adds, and those inherited from its profiles as {@code pcns.*} and
 * {@code pcsa.*}), and its profiles in order.
 *
 * @param pod      the pod
 * @param labels   every label selectors see
 * @param profiles the names of its profiles
 */
public record Workload(Pod pod, SortedMap<String, String> labels, List<String> profiles) {

    public Workload {
        Objects.requireNonNull(pod, "pod");
        labels = new TreeMap<>(labels);
        profiles = List.copyOf(profiles);
    }
}
