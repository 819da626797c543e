package dev.kordon.generators.istio;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Feature;
import dev.kordon.generators.manifest.Subjects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The workloads a mesh policy is written for: each subject pod peer as a namespace and a selector. Pods of every
 * namespace become a policy in the mesh root namespace, which Istio applies to every namespace.
 */
final class MeshSubjects {

    private MeshSubjects() {
    }

    /**
     * One policy's target: a namespace (the root namespace when {@code meshWide}), a selector, and the named ports
     * that the declared workload behind it gives (empty when no workload is declared for it).
     */
    record Unit(String namespace, boolean meshWide, LabelSelector selector, Map<String, PortNumber> ports) {
        Unit {
            ports = Collections.unmodifiableSortedMap(new TreeMap<>(ports));
        }

        /** The {@code matchLabels} of the policy's selector, or empty when it selects every workload in scope. */
        Optional<SortedMap<String, String>> matchLabels() {
            if (selector.matchesAll()) {
                return Optional.empty();
            }
            SortedMap<String, String> labels = new TreeMap<>();
            for (LabelRequirement requirement : selector.requirements()) {
                if (!requirement.isEquality()) {
                    throw new IllegalStateException("Istio selects by matchLabels only, not by '" + requirement
                            + "'; the fidelity check should have refused it");
                }
                labels.put(requirement.key(), requirement.values().get(0));
            }
            return Optional.of(labels);
        }
    }

    /**
     * The units of the pod peers, in canonical order. Pods of labelled namespaces have none (the capabilities refuse
     * them); a service account gives the units of the workloads declared with it.
     */
    static List<Unit> of(PolicySet set, List<Peer> peers, String rootNamespace) {
        List<Unit> units = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer instanceof Workload) {
                units.add(unit((Workload) peer));
            } else if (peer instanceof ServiceAccountRef) {
                Subjects.workloadsRunningAs(set, (ServiceAccountRef) peer).forEach(workload -> units.add(unit(workload)));
            } else if (peer instanceof Pods) {
                Pods pods = (Pods) peer;
                if (pods.namespaces() instanceof NamespaceScope.Named) {
                    for (String namespace : ((NamespaceScope.Named) pods.namespaces()).names()) {
                        units.add(new Unit(namespace, false, pods.selector(), Map.of()));
                    }
                } else if (pods.namespaces() instanceof NamespaceScope.All) {
                    units.add(new Unit(rootNamespace, true, pods.selector(), Map.of()));
                }
            }
        }
        return units.stream().distinct()
                .sorted(Comparator.comparing(Unit::namespace).thenComparing(Unit::meshWide)
                        .thenComparing(unit -> unit.selector().toString()))
                .toList();
    }

    private static Unit unit(Workload workload) {
        return new Unit(workload.namespace(), false, workload.selector(), workload.ports());
    }

    /** Why the unit cannot be written as an Istio policy target, if it cannot, as a problem of {@code feature}. */
    static Optional<MeshProblem> problem(Unit unit, String rootNamespace, Feature feature) {
        if (!unit.meshWide() && unit.namespace().equals(rootNamespace)) {
            return Optional.of(MeshProblem.unsupported(feature, "namespace '" + rootNamespace + "' is the mesh root"
                    + " namespace, where a policy applies to every namespace of the mesh, not to its own pods only",
                    "keep the workloads out of the mesh root namespace, or mean every namespace with inAnyNamespace()"));
        }
        for (LabelRequirement requirement : unit.selector().requirements()) {
            if (!requirement.isEquality()) {
                return Optional.of(MeshProblem.unsupported(feature, "Istio selects workloads by matchLabels only, so '"
                        + requirement + "' of " + unit.selector() + " cannot be written", "select the workloads by"
                        + " labels of equal value, e.g. labels(\"app\", \"web\"); for several values, one intent"
                        + " per value"));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the pods of two peers may be the same: conservative, so that only namespaces or labels that provably
     * differ count as disjoint.
     */
    static boolean mayOverlap(Peer a, Peer b) {
        Optional<List<String>> namespacesA = namespaces(a);
        Optional<List<String>> namespacesB = namespaces(b);
        if (namespacesA.isPresent() && namespacesB.isPresent()
                && namespacesA.get().stream().noneMatch(namespacesB.get()::contains)) {
            return false;
        }
        return Labels.mayIntersect(selector(a), selector(b));
    }

    /** The namespaces the peer's pods or addresses may be in; empty when they may be anywhere. */
    static Optional<List<String>> namespaces(Peer peer) {
        if (peer instanceof Workload) {
            return Optional.of(List.of(((Workload) peer).namespace()));
        }
        if (peer instanceof ServiceAccountRef) {
            return Optional.of(List.of(((ServiceAccountRef) peer).namespace()));
        }
        if (peer instanceof Pods && ((Pods) peer).namespaces() instanceof NamespaceScope.Named) {
            return Optional.of(((NamespaceScope.Named) ((Pods) peer).namespaces()).names());
        }
        return Optional.empty();
    }

    private static LabelSelector selector(Peer peer) {
        if (peer instanceof Workload) {
            return ((Workload) peer).selector();
        }
        return peer instanceof Pods ? ((Pods) peer).selector() : LabelSelector.matchingAll();
    }
}
