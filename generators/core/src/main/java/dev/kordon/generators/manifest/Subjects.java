package dev.kordon.generators.manifest;

import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The namespaced units a pod peer breaks into for backends whose policies live in one namespace: a namespace and
 * a pod selector in it. A service account becomes the units of the workloads declared with it.
 */
public final class Subjects {

    private Subjects() {
    }

    /** A namespace and the pods a selector picks in it. */
    public record Unit(String namespace, LabelSelector selector) {
        public Unit {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(selector, "selector");
        }
    }

    /**
     * The units of pod peers whose namespaces are known by name, in canonical order. Pods of labelled or all
     * namespaces have no such units; backends that need them report those features as unsupported.
     */
    public static List<Unit> of(PolicySet set, List<Peer> peers) {
        List<Unit> units = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer instanceof Workload) {
                Workload workload = (Workload) peer;
                units.add(new Unit(workload.namespace(), workload.selector()));
            } else if (peer instanceof Pods && ((Pods) peer).namespaces() instanceof NamespaceScope.Named) {
                Pods pods = (Pods) peer;
                for (String namespace : ((NamespaceScope.Named) pods.namespaces()).names()) {
                    units.add(new Unit(namespace, pods.selector()));
                }
            } else if (peer instanceof ServiceAccountRef) {
                for (Workload workload : workloadsRunningAs(set, (ServiceAccountRef) peer)) {
                    units.add(new Unit(workload.namespace(), workload.selector()));
                }
            }
        }
        return units.stream().distinct()
                .sorted(Comparator.comparing(Unit::namespace).thenComparing(unit -> unit.selector().toString()))
                .toList();
    }

    /** The workloads of the set declared to run as the service account. */
    public static List<Workload> workloadsRunningAs(PolicySet set, ServiceAccountRef account) {
        return set.workloads().stream()
                .filter(workload -> workload.namespace().equals(account.namespace())
                        && workload.serviceAccount().filter(account.name()::equals).isPresent())
                .toList();
    }
}
