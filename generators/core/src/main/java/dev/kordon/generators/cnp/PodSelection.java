package dev.kordon.generators.cnp;

import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.manifest.KubeSelector;
import dev.kordon.generators.manifest.Subjects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Pods as the network-policy-api selects them, cluster-wide: the pods that {@code pods} matches in the namespaces that
 * {@code namespaces} matches. Namespaces given by name are selected through {@value KubeSelector#NAMESPACE_NAME_LABEL}.
 *
 * @param namespaces the namespace selector ({@code {}}: every namespace)
 * @param pods       the pod selector ({@code {}}: every pod of those namespaces)
 */
public record PodSelection(KubeSelector namespaces, KubeSelector pods) {

    public PodSelection {
        Objects.requireNonNull(namespaces, "namespaces");
        Objects.requireNonNull(pods, "pods");
    }

    /** Whether this is every pod of the selected namespaces, which the API writes as a {@code namespaces} selector. */
    public boolean wholeNamespaces() {
        return pods.equals(KubeSelector.all());
    }

    /**
     * The selections of the pod peers among {@code peers}, distinct and in canonical order; other peers are left out. A
     * service account becomes the selections of the workloads declared with it (none when no workload is).
     */
    public static List<PodSelection> of(PolicySet set, List<Peer> peers) {
        List<PodSelection> selections = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer instanceof Workload) {
                selections.add(of((Workload) peer));
            } else if (peer instanceof Pods) {
                Pods pods = (Pods) peer;
                selections.add(new PodSelection(namespaces(pods.namespaces()), KubeSelector.of(pods.selector())));
            } else if (peer instanceof ServiceAccountRef) {
                Subjects.workloadsRunningAs(set, (ServiceAccountRef) peer).forEach(w -> selections.add(of(w)));
            }
        }
        return selections.stream().distinct().sorted(Comparator.comparing(PodSelection::toString)).toList();
    }

    private static PodSelection of(Workload workload) {
        return new PodSelection(KubeSelector.namespaces(List.of(workload.namespace())),
                KubeSelector.of(workload.selector()));
    }

    private static KubeSelector namespaces(NamespaceScope scope) {
        if (scope instanceof NamespaceScope.Named) {
            return KubeSelector.namespaces(((NamespaceScope.Named) scope).names());
        }
        if (scope instanceof NamespaceScope.Labelled) {
            return KubeSelector.of(((NamespaceScope.Labelled) scope).selector());
        }
        return KubeSelector.all();
    }
}
