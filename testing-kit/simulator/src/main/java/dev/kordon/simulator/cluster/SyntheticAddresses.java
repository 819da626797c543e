package dev.kordon.simulator.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deterministic addresses for pods given without one: taken in pod order from 10.254.0.0/16, skipping every address
 * the input already uses, so the same input always gets the same addresses.
 */
public final class SyntheticAddresses {

    private SyntheticAddresses() {
    }

    /** The pods, each without an address given one, in pod order. */
    public static List<Pod> assign(List<Pod> pods) {
        Set<String> used = new HashSet<>();
        pods.forEach(pod -> used.add(pod.ip()));
        List<Pod> sorted = pods.stream().sorted(Comparator.comparing(Pod::id)).toList();
        List<Pod> result = new ArrayList<>();
        int next = 1;
        for (Pod pod : sorted) {
            if (!pod.ip().isEmpty()) {
                result.add(pod);
                continue;
            }
            String ip;
            do {
                ip = "10.254." + (next >> 8 & 0xff) + "." + (next & 0xff);
                next++;
            } while (used.contains(ip));
            used.add(ip);
            result.add(new Pod(pod.namespace(), pod.name(), pod.labels(), ip, pod.ports(), pod.serviceAccount(),
                    pod.hostNetwork(), pod.node(), pod.owner(), pod.extra()));
        }
        return result;
    }
}
