package dev.kordon.generators.cilium;

import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.manifest.KubeSelector;
import dev.kordon.generators.manifest.Yaml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Where one Cilium policy lives and which pods it applies to: a namespace with a selector inside it (a
 * CiliumNetworkPolicy, to which Cilium adds the namespace), or the cluster with a selector that names the namespaces
 * itself (a CiliumClusterwideNetworkPolicy).
 *
 * @param namespace        the policy's namespace, or empty for a cluster-wide policy
 * @param endpointSelector the subject pods
 */
record Subject(String namespace, KubeSelector endpointSelector) {

    Subject {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(endpointSelector, "endpointSelector");
    }

    /**
     * The subjects for pod peers, in canonical order. Pods of named namespaces get one namespaced policy per
     * namespace, unless {@code clusterwide} (guardrails, which namespace owners must not be able to delete); pods of
     * labelled or all namespaces always get a cluster-wide one.
     */
    static List<Subject> of(List<Peer> pods, boolean clusterwide) {
        List<Subject> subjects = new ArrayList<>();
        for (Peer peer : pods) {
            if (clusterwide || peer instanceof Pods && !(((Pods) peer).namespaces() instanceof NamespaceScope.Named)) {
                subjects.add(new Subject("", selector(peer, "")));
                continue;
            }
            for (String namespace : namespaces(peer)) {
                subjects.add(new Subject(namespace, selector(within(peer, namespace), namespace)));
            }
        }
        return subjects.stream().distinct()
                .sorted(Comparator.comparing(Subject::namespace)
                        .thenComparing(subject -> Yaml.tree(subject.endpointSelector()).toString()))
                .toList();
    }

    /**
     * The endpoint selector of pod peers, seen from a policy in namespace {@code home} (empty for cluster-wide). Pods
     * of {@code home} alone are selected by their labels, which Cilium confines to {@code home}; every other selector
     * names its namespaces, so that Cilium adds nothing to it.
     */
    static KubeSelector selector(Peer peer, String home) {
        if (peer instanceof Workload) {
            Workload workload = (Workload) peer;
            return selector(workload.asPods(), home);
        }
        if (peer instanceof ServiceAccountRef) {
            ServiceAccountRef account = (ServiceAccountRef) peer;
            SelectorBuilder builder = new SelectorBuilder().serviceAccount(account.name());
            return (account.namespace().equals(home) ? builder : builder.inNamespaces(List.of(account.namespace())))
                    .build();
        }
        if (peer instanceof Pods) {
            Pods pods = (Pods) peer;
            SelectorBuilder builder = new SelectorBuilder().pods(pods.selector());
            boolean onlyHome = pods.namespaces().equals(new NamespaceScope.Named(List.of(home)));
            return (onlyHome ? builder : builder.inScope(pods.namespaces())).build();
        }
        throw new IllegalStateException("not a pod peer: " + peer);
    }

    private static List<String> namespaces(Peer peer) {
        if (peer instanceof Workload) {
            return List.of(((Workload) peer).namespace());
        }
        if (peer instanceof ServiceAccountRef) {
            return List.of(((ServiceAccountRef) peer).namespace());
        }
        return ((NamespaceScope.Named) ((Pods) peer).namespaces()).names();
    }

    private static Peer within(Peer peer, String namespace) {
        return peer instanceof Pods ? new Pods(new NamespaceScope.Named(List.of(namespace)), ((Pods) peer).selector())
                : peer;
    }
}
