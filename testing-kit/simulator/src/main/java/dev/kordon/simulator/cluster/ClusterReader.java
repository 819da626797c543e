package dev.kordon.simulator.cluster;

import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Builds a cluster from Kubernetes resources: Namespaces, Pods, ServiceAccounts, and workloads (Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, Job, CronJob), each of which becomes one representative pod named after it, with
 * its template's labels, ports, service account and host network, and a deterministic synthetic address. Services are
 * kept with their selector and ports (they have no effect on policy; they tell which pods an Ingress or Route reaches).
 * Everything else is left for the policy engines.
 */
public final class ClusterReader {

    private static final Set<String> WORKLOADS = Set.of("apps/v1/Deployment", "apps/v1/StatefulSet",
            "apps/v1/DaemonSet", "apps/v1/ReplicaSet", "batch/v1/Job", "batch/v1/CronJob");
    private static final Set<String> CONTROLLERS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job", "CronJob");
    private static final Set<String> CLUSTER = Set.of("v1/Namespace", "v1/Pod", "v1/ServiceAccount", "v1/Service");

    /** A cluster and the manifests that were not cluster resources. */
    public record Split(Cluster cluster, List<Manifest> policies) {
    }

    /** Whether the manifest describes the cluster rather than policy. */
    public static boolean isClusterResource(Manifest manifest) {
        return WORKLOADS.contains(manifest.type()) || CLUSTER.contains(manifest.type());
    }

    /** The cluster the resources describe, and the other manifests; problems go to {@code problems}. */
    public Split read(List<Manifest> manifests, Problems problems) {
        Map<String, SortedMap<String, String>> namespaces = new TreeMap<>();
        List<Pod> pods = new ArrayList<>();
        List<ServiceAccount> accounts = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<Manifest> policies = new ArrayList<>();
        for (Manifest manifest : manifests) {
            String namespace = manifest.namespace().isEmpty() ? "default" : manifest.namespace();
            switch (manifest.type()) {
                case "v1/Namespace" -> namespaces.put(manifest.name(), labels(manifest.body().path("metadata")));
                case "v1/ServiceAccount" -> accounts.add(new ServiceAccount(namespace, manifest.name(),
                        labels(manifest.body().path("metadata"))));
                case "v1/Pod" -> pods.add(pod(manifest, namespace, manifest.name(), manifest.body(), podOwner(manifest),
                        problems));
                case "v1/Service" -> services.add(service(manifest, namespace, problems));
                default -> {
                    if (WORKLOADS.contains(manifest.type())) {
                        JsonNode template = manifest.kind().equals("CronJob")
                                ? manifest.body().path("spec").path("jobTemplate").path("spec").path("template")
                                : manifest.body().path("spec").path("template");
                        pods.add(pod(manifest, namespace, manifest.name(), template, manifest.kind() + "/"
                                + manifest.name(), problems));
                    } else {
                        policies.add(manifest);
                    }
                }
            }
        }
        for (Pod pod : pods) {
            namespaces.computeIfAbsent(pod.namespace(), name -> new TreeMap<>());
        }
        List<Namespace> result = new ArrayList<>();
        namespaces.forEach((name, labels) -> {
            SortedMap<String, String> withName = new TreeMap<>(labels);
            withName.putIfAbsent("kubernetes.io/metadata.name", name);
            result.add(new Namespace(name, withName));
        });
        return new Split(new Cluster(result, List.of(), SyntheticAddresses.assign(pods), accounts, services),
                policies);
    }

    private static Service service(Manifest manifest, String namespace, Problems problems) {
        JsonNode spec = manifest.body().path("spec");
        JsonNode selector = spec.path("selector");
        List<ServicePort> ports = new ArrayList<>();
        int index = 0;
        for (JsonNode port : spec.path("ports")) {
            String field = "spec.ports[" + index++ + "]";
            int number = port.path("port").asInt(0);
            if (!port.path("port").isIntegralNumber() || number < 1 || number > 65535) {
                problems.add(manifest, field + ".port", "is not a port number 1..65535: '"
                        + port.path("port").asString("") + "'", "give every Service port a number");
                continue;
            }
            JsonNode target = port.path("targetPort");
            ServicePort.TargetPort targetPort = target.isIntegralNumber()
                    ? new ServicePort.Number(target.asInt())
                    : target.isString() ? new ServicePort.Named(target.asString()) : new ServicePort.Number(number);
            ports.add(new ServicePort(port.path("name").asString(""), number, port.path("protocol").asString("TCP"),
                    targetPort));
        }
        boolean hasSelector = selector.isObject();
        SortedMap<String, String> labels = hasSelector ? labels(spec, "selector") : new TreeMap<>();
        return new Service(namespace, manifest.name(), labels, hasSelector, ports);
    }

    private static Pod pod(Manifest manifest, String namespace, String name, JsonNode template, String owner,
            Problems problems) {
        if (template.isMissingNode()) {
            problems.add(manifest, "spec.template", "is missing", "give the workload a pod template");
        }
        JsonNode spec = template.path("spec");
        List<ContainerPort> ports = new ArrayList<>();
        for (String containers : List.of("initContainers", "containers")) {
            for (JsonNode container : spec.path(containers)) {
                for (JsonNode port : container.path("ports")) {
                    ports.add(new ContainerPort(port.path("name").asString(""), port.path("containerPort").asInt(0),
                            port.path("protocol").asString("TCP")));
                }
            }
        }
        String account = spec.path("serviceAccountName").asString(spec.path("serviceAccount").asString("default"));
        return new Pod(namespace, name, labels(template.path("metadata")), template.path("status").path("podIP")
                .asString(""), ports, account, spec.path("hostNetwork").asBoolean(false),
                spec.path("nodeName").asString(""), owner, Map.of());
    }

    /**
     * The controller that owns a pod, from its first owner reference ({@code Kind/name}; {@code Pod/name} when the
     * reference has no kind), or empty for a bare pod or one owned by something other than a workload controller
     * (e.g. a static pod's Node).
     */
    private static String podOwner(Manifest manifest) {
        for (JsonNode reference : manifest.body().path("metadata").path("ownerReferences")) {
            String kind = reference.path("kind").asString("");
            String name = reference.path("name").asString("");
            if (name.isEmpty()) {
                continue;
            }
            if (kind.isEmpty()) {
                return "Pod/" + name;
            }
            return CONTROLLERS.contains(kind) ? kind + "/" + name : "";
        }
        return "";
    }

    private static SortedMap<String, String> labels(JsonNode metadata) {
        return labels(metadata, "labels");
    }

    private static SortedMap<String, String> labels(JsonNode parent, String field) {
        SortedMap<String, String> labels = new TreeMap<>();
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        parent.path(field).properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        fields.forEach((key, value) -> labels.put(key, value.asString("")));
        return labels;
    }
}
