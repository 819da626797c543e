package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.cluster.Pod;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One end of a flow as Calico's rules see it: its address, the things a selector can select there (the workload
 * endpoint, and network sets containing the address), whether CIDRs see the address, and the pod whose named ports
 * resolve there.
 *
 * @param description how messages name it, e.g. {@code default/web} or {@code ip:8.8.8.8}
 * @param ip          its address
 * @param entities    what selectors can select at the address, the workload endpoint first
 * @param cidrVisible whether nets and network sets match the address (not for pods when ipBlockSelectsPods is off)
 * @param workloadPod the workload endpoint's pod, for named ports; empty for anything else
 */
record Side(String description, String ip, List<Entity> entities, boolean cidrVisible, Optional<Pod> workloadPod) {

    Side {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(ip, "ip");
        entities = List.copyOf(entities);
        Objects.requireNonNull(workloadPod, "workloadPod");
    }

    /** Something a selector can select: a workload endpoint or a network set, with the labels selectors see. */
    record Entity(String description, SortedMap<String, String> labels) {
        Entity {
            Objects.requireNonNull(description, "description");
            labels = new TreeMap<>(labels);
        }
    }
}
