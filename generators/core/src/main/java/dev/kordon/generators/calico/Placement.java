package dev.kordon.generators.calico;

import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a policy for some subject pods lives and how it selects them: a {@code NetworkPolicy} in a namespace known
 * by name, or a {@code GlobalNetworkPolicy} whose {@code namespaceSelector} picks the namespaces. A global policy
 * always has a {@code namespaceSelector} ({@code all()} for every namespace), which keeps host endpoints out of it:
 * its subjects are pods, nothing else.
 *
 * @param namespace         the namespace of a NetworkPolicy, or empty for a GlobalNetworkPolicy
 * @param namespaceSelector the namespaces of a GlobalNetworkPolicy, or {@code null}
 * @param selector          the subject pods
 */
record Placement(String namespace, String namespaceSelector, String selector) {

    /** Whether the policy is a GlobalNetworkPolicy. */
    boolean isGlobal() {
        return namespace.isEmpty();
    }

    /**
     * The placements of the subject pods: one NetworkPolicy per namespace known by name (the subjects of one
     * namespace ORed in its selector), then one GlobalNetworkPolicy per subject in namespaces selected by labels or in
     * every namespace, in canonical order.
     */
    static List<Placement> of(List<Peer> subjects) {
        SortedMap<String, List<String>> byNamespace = new TreeMap<>();
        List<Placement> global = new ArrayList<>();
        for (Peer subject : subjects) {
            if (subject instanceof Workload) {
                Workload workload = (Workload) subject;
                add(byNamespace, workload.namespace(), CalicoSelector.of(workload.selector()));
            } else if (subject instanceof ServiceAccountRef) {
                ServiceAccountRef account = (ServiceAccountRef) subject;
                add(byNamespace, account.namespace(), CalicoSelector.serviceAccount(account.name()));
            } else if (subject instanceof Pods) {
                Pods pods = (Pods) subject;
                NamespaceScope scope = pods.namespaces();
                String selector = CalicoSelector.of(pods.selector());
                if (scope instanceof NamespaceScope.Named) {
                    for (String namespace : ((NamespaceScope.Named) scope).names()) {
                        add(byNamespace, namespace, selector);
                    }
                } else {
                    global.add(new Placement("", namespaces(scope), selector));
                }
            } else {
                throw new IllegalStateException("not pods, so no policy can be enforced on it: " + subject);
            }
        }
        List<Placement> placements = new ArrayList<>();
        byNamespace.forEach((namespace, selectors) ->
                placements.add(new Placement(namespace, null, CalicoSelector.anyOf(selectors))));
        global.stream().distinct()
                .sorted(Comparator.comparing(Placement::namespaceSelector).thenComparing(Placement::selector))
                .forEach(placements::add);
        return placements;
    }

    /** The {@code namespaceSelector} of namespaces selected by labels, or of every namespace. */
    static String namespaces(NamespaceScope scope) {
        if (scope instanceof NamespaceScope.Labelled) {
            return CalicoSelector.of(((NamespaceScope.Labelled) scope).selector());
        }
        if (scope instanceof NamespaceScope.All) {
            return CalicoSelector.ALL;
        }
        return CalicoSelector.namespacesNamed(((NamespaceScope.Named) scope).names());
    }

    private static void add(SortedMap<String, List<String>> byNamespace, String namespace, String selector) {
        byNamespace.computeIfAbsent(namespace, key -> new ArrayList<>()).add(selector);
    }
}
