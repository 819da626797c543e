package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.calico.model.CalicoLabels;
import dev.kordon.simulator.calico.model.NetworkSet;
import dev.kordon.simulator.calico.model.PolicyStore;
import dev.kordon.simulator.calico.model.Profile;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The endpoints Calico sees in a cluster: every pod that is not host-networked is a workload endpoint with the labels
 * Calico gives it ({@code workload_endpoint_default.go}, {@code NamespaceToProfile},
 * {@code ServiceAccountToProfile}); network sets are selectable address ranges.
 */
public final class Endpoints {

    /** The pod field (NCA cases) that says whether a pod is a Calico workload endpoint. */
    public static final String WORKLOAD_ENDPOINT = "calicoWorkloadEndpoint";

    /** The pod field (NCA cases) listing the endpoint's profiles. */
    public static final String PROFILES = "calicoProfiles";

    private final Cluster cluster;
    private final PolicyStore store;
    private final boolean cidrsSelectPods;
    private final Map<String, Workload> workloads = new HashMap<>();

    public Endpoints(Cluster cluster, PolicyStore store, boolean cidrsSelectPods) {
        this.cluster = cluster;
        this.store = store;
        this.cidrsSelectPods = cidrsSelectPods;
        for (Pod pod : cluster.pods()) {
            if (isWorkload(pod)) {
                workloads.put(pod.id(), workload(pod));
            }
        }
    }

    /** Whether a pod is a workload endpoint: not host-networked, and not marked otherwise. */
    static boolean isWorkload(Pod pod) {
        return !pod.hostNetwork() && !Boolean.FALSE.equals(pod.extra().get(WORKLOAD_ENDPOINT));
    }

    /** The profiles of a pod: as given, or the namespace and service-account profiles of a Kubernetes pod. */
    public static List<String> profiles(Pod pod) {
        Object given = pod.extra().get(PROFILES);
        if (given instanceof List<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        return List.of("kns." + pod.namespace(), "ksa." + pod.namespace() + "." + pod.serviceAccount());
    }

    /** The workload endpoint at an end of a flow, if it is one. */
    public Optional<Workload> workload(Endpoint endpoint) {
        return endpoint instanceof Endpoint.OfPod pod ? Optional.ofNullable(workloads.get(pod.pod().id()))
                : Optional.empty();
    }

    /** An end of a flow as rules see it. */
    Side side(Endpoint endpoint) {
        Optional<Workload> workload = workload(endpoint);
        boolean cidrVisible = workload.isEmpty() || cidrsSelectPods;
        List<Side.Entity> entities = new ArrayList<>();
        workload.ifPresent(w -> entities.add(new Side.Entity(w.pod().id(), w.labels())));
        if (cidrVisible) {
            for (NetworkSet set : store.networkSets()) {
                if (set.nets().stream().anyMatch(net -> net.containsAddress(endpoint.ip()))) {
                    entities.add(new Side.Entity(set.resource(), networkSetLabels(set)));
                }
            }
        }
        String description = endpoint instanceof Endpoint.OfPod pod && pod.pod().hostNetwork()
                ? endpoint + " (host network)" : endpoint.toString();
        return new Side(description, endpoint.ip(), entities, cidrVisible, workload.map(Workload::pod));
    }

    private Workload workload(Pod pod) {
        SortedMap<String, String> labels = new TreeMap<>();
        List<String> profiles = profiles(pod);
        for (String profile : profiles) {
            inherited(profile).forEach(labels::putIfAbsent);
        }
        labels.putAll(pod.labels());
        labels.put(CalicoLabels.NAMESPACE, pod.namespace());
        labels.put(CalicoLabels.ORCHESTRATOR, "k8s");
        labels.put(CalicoLabels.SERVICE_ACCOUNT, pod.serviceAccount());
        return new Workload(pod, labels, profiles);
    }

    /** The labels a profile passes on: {@code pcns.*} for kns.NS, {@code pcsa.*} for ksa.NS.SA, labelsToApply else. */
    private Map<String, String> inherited(String profile) {
        if (profile.startsWith("kns.")) {
            return namespaceLabels(profile.substring(4));
        }
        if (profile.startsWith("ksa.")) {
            String rest = profile.substring(4);
            int dot = rest.indexOf('.');
            if (dot > 0) {
                String namespace = rest.substring(0, dot);
                String name = rest.substring(dot + 1);
                Map<String, String> labels = new TreeMap<>();
                cluster.serviceAccountLabels(namespace, name).forEach((key, value) ->
                        labels.put(CalicoLabels.SERVICE_ACCOUNT_PREFIX + key, value));
                labels.put(CalicoLabels.SERVICE_ACCOUNT_PREFIX + CalicoLabels.NAME, name);
                return labels;
            }
        }
        return Optional.ofNullable(store.profiles().get(profile)).map(Profile::labelsToApply).orElse(new TreeMap<>());
    }

    private Map<String, String> namespaceLabels(String namespace) {
        Map<String, String> labels = new TreeMap<>();
        SortedMap<String, String> given = cluster.namespaceLabels(namespace);
        labels.put(CalicoLabels.NAMESPACE_PREFIX + "kubernetes.io/metadata.name", namespace);
        given.forEach((key, value) -> labels.put(CalicoLabels.NAMESPACE_PREFIX + key, value));
        labels.put(CalicoLabels.NAMESPACE_PREFIX + CalicoLabels.NAME, namespace);
        return labels;
    }

    private SortedMap<String, String> networkSetLabels(NetworkSet set) {
        SortedMap<String, String> labels = new TreeMap<>();
        if (!set.namespace().isEmpty()) {
            labels.putAll(namespaceLabels(set.namespace()));
            labels.putAll(set.labels());
            labels.put(CalicoLabels.NAMESPACE, set.namespace());
            return labels;
        }
        labels.putAll(set.labels());
        return labels;
    }
}
