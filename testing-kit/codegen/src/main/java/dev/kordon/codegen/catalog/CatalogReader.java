package dev.kordon.codegen.catalog;

import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.Protocol;
import dev.kordon.simulator.input.Fields;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Finds the workloads, namespaces and service accounts of a list of manifests. A workload is a Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or a Pod that no controller owns; its pods
 * are what its {@code spec.selector} selects (Job, CronJob and Pod: the labels of their pods). Every other kind is
 * skipped. Every problem is collected.
 */
final class CatalogReader {

    private static final Set<String> CONTROLLERS = Set.of("apps/v1/Deployment", "apps/v1/StatefulSet",
            "apps/v1/DaemonSet", "apps/v1/ReplicaSet");

    /** What the catalog holds: per namespace, its workloads and service accounts, sorted by name. */
    record Contents(SortedMap<String, List<CatalogWorkload>> workloads,
            SortedMap<String, SortedSet<String>> serviceAccounts) {
    }

    private final String defaultNamespace;

    CatalogReader(String defaultNamespace) {
        this.defaultNamespace = defaultNamespace;
    }

    Contents read(List<Manifest> manifests, Problems problems) {
        SortedMap<String, List<CatalogWorkload>> workloads = new TreeMap<>();
        SortedMap<String, SortedSet<String>> accounts = new TreeMap<>();
        Map<String, CatalogWorkload> byId = new TreeMap<>();
        for (Manifest manifest : sorted(manifests)) {
            String namespace = manifest.namespace().isEmpty() ? defaultNamespace : manifest.namespace();
            switch (manifest.type()) {
                case "v1/Namespace" -> workloads.computeIfAbsent(manifest.name(), name -> new ArrayList<>());
                case "v1/ServiceAccount" -> accounts.computeIfAbsent(namespace, name -> new TreeSet<>())
                        .add(manifest.name());
                default -> workload(manifest, namespace, problems).ifPresent(workload -> {
                    CatalogWorkload earlier = byId.putIfAbsent(workload.id(), workload);
                    if (earlier != null) {
                        problems.add(manifest, "metadata.name", "names the workload " + workload.id() + " a second"
                                + " time (also " + earlier.manifest().describe() + ", " + earlier.manifest().file()
                                + " document " + earlier.manifest().document() + ")", "keep one of them, or rename"
                                + " one: the catalog knows a workload by its namespace and name");
                        return;
                    }
                    workloads.computeIfAbsent(namespace, name -> new ArrayList<>()).add(workload);
                    if (!workload.serviceAccount().isEmpty()) {
                        accounts.computeIfAbsent(namespace, name -> new TreeSet<>()).add(workload.serviceAccount());
                    }
                });
            }
        }
        accounts.keySet().forEach(namespace -> workloads.computeIfAbsent(namespace, name -> new ArrayList<>()));
        workloads.values().forEach(list -> list.sort(Comparator.comparing(CatalogWorkload::name)));
        return new Contents(workloads, accounts);
    }

    /** The manifests in an order that does not depend on the order of the inputs. */
    private static List<Manifest> sorted(List<Manifest> manifests) {
        return manifests.stream().sorted(Comparator.comparing(Manifest::namespace).thenComparing(Manifest::name)
                .thenComparing(Manifest::type).thenComparing(Manifest::file).thenComparing(Manifest::document))
                .toList();
    }

    private java.util.Optional<CatalogWorkload> workload(Manifest manifest, String namespace, Problems problems) {
        JsonNode body = manifest.body();
        String templatePath;
        LabelSelector selector;
        if (CONTROLLERS.contains(manifest.type())) {
            templatePath = "spec.template";
            selector = selector(manifest, body.path("spec").path("selector"), problems);
        } else if (manifest.type().equals("v1/ReplicationController")) {
            templatePath = "spec.template";
            JsonNode map = body.path("spec").path("selector");
            selector = map.isObject() && !map.isEmpty() ? labels(map)
                    : labels(manifest, templatePath + ".metadata.labels", body.path("spec").path("template"),
                    problems);
        } else if (manifest.type().equals("batch/v1/Job")) {
            templatePath = "spec.template";
            selector = labels(manifest, templatePath + ".metadata.labels", body.path("spec").path("template"),
                    problems);
        } else if (manifest.type().equals("batch/v1/CronJob")) {
            templatePath = "spec.jobTemplate.spec.template";
            selector = labels(manifest, templatePath + ".metadata.labels",
                    body.path("spec").path("jobTemplate").path("spec").path("template"), problems);
        } else if (manifest.type().equals("v1/Pod") && body.path("metadata").path("ownerReferences").isEmpty()) {
            templatePath = "";
            selector = labels(manifest, "metadata.labels", body, problems);
        } else {
            return java.util.Optional.empty();
        }
        JsonNode template = templatePath.isEmpty() ? body : at(body, templatePath);
        if (template.isMissingNode()) {
            problems.add(manifest, templatePath, "is missing", "give the workload a pod template");
        }
        String podSpec = templatePath.isEmpty() ? "spec" : templatePath + ".spec";
        JsonNode spec = template.path("spec");
        String account = spec.path("serviceAccountName").asString(spec.path("serviceAccount").asString(""));
        SortedMap<String, PortNumber> ports = ports(manifest, podSpec, spec, problems);
        return selector == null ? java.util.Optional.empty() : java.util.Optional.of(
                new CatalogWorkload(manifest, namespace, manifest.name(), selector, account, ports));
    }

    private static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String field : dottedPath.split("\\.")) {
            current = current.path(field);
        }
        return current;
    }

    /** {@code spec.selector} of a controller; {@code null} (with a problem) when it is missing or empty. */
    private static LabelSelector selector(Manifest manifest, JsonNode node, Problems problems) {
        if (!node.isObject() || node.isEmpty()) {
            problems.add(manifest, "spec.selector", node.isMissingNode() ? "is missing" : "selects every pod",
                    "set spec.selector.matchLabels to the labels of spec.template.metadata.labels that identify this"
                            + " workload's pods");
            return null;
        }
        int before = problems.all().size();
        LabelSelector selector = Fields.labelSelector(manifest, "spec.selector", node, problems);
        if (problems.all().size() > before) {
            return null;
        }
        if (selector.matchesAll()) {
            problems.add(manifest, "spec.selector", "selects every pod", "set spec.selector.matchLabels to the"
                    + " labels of spec.template.metadata.labels that identify this workload's pods");
            return null;
        }
        return selector;
    }

    /** The labels of a pod (template) as a selector; {@code null} (with a problem) when it has none. */
    private static LabelSelector labels(Manifest manifest, String path, JsonNode pod, Problems problems) {
        JsonNode labels = pod.path("metadata").path("labels");
        if (!labels.isObject() || labels.isEmpty()) {
            problems.add(manifest, path, labels.isMissingNode() ? "is missing: no policy can select these pods"
                    : "is empty: no policy can select these pods", "give the pods at least one label that identifies"
                    + " them, e.g. app: " + manifest.name());
            return null;
        }
        return labels(labels);
    }

    private static LabelSelector labels(JsonNode map) {
        SortedMap<String, String> labels = new TreeMap<>();
        map.properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString("")));
        return LabelSelector.labels(labels);
    }

    private static SortedMap<String, PortNumber> ports(Manifest manifest, String podSpec, JsonNode spec,
            Problems problems) {
        SortedMap<String, PortNumber> ports = new TreeMap<>();
        for (String containers : List.of("initContainers", "containers")) {
            JsonNode list = spec.path(containers);
            for (int c = 0; c < list.size(); c++) {
                JsonNode declared = list.get(c).path("ports");
                for (int p = 0; p < declared.size(); p++) {
                    String at = podSpec + "." + containers + "[" + c + "].ports[" + p + "]";
                    port(manifest, at, declared.get(p), ports, problems);
                }
            }
        }
        return ports;
    }

    private static void port(Manifest manifest, String at, JsonNode node, SortedMap<String, PortNumber> ports,
            Problems problems) {
        String name = node.path("name").asString("");
        if (name.isEmpty()) {
            return; // only named ports can be referred to by name
        }
        JsonNode number = node.path("containerPort");
        if (!number.isInt() || number.intValue() < 1 || number.intValue() > 65535) {
            problems.add(manifest, at + ".containerPort", "is not a port from 1 to 65535: '" + number.asString("")
                    + "'", "write the port the container listens on, as a number");
            return;
        }
        String protocolText = node.path("protocol").asString("TCP");
        Protocol protocol = switch (protocolText) {
            case "TCP" -> Protocol.TCP;
            case "UDP" -> Protocol.UDP;
            case "SCTP" -> Protocol.SCTP;
            default -> null;
        };
        if (protocol == null) {
            problems.add(manifest, at + ".protocol", "is not TCP, UDP or SCTP: '" + protocolText + "'",
                    "write TCP, UDP or SCTP (upper case), or leave it out for TCP");
            return;
        }
        PortNumber port = new PortNumber(protocol, number.intValue());
        PortNumber earlier = ports.putIfAbsent(name, port);
        if (earlier != null && !earlier.equals(port)) {
            problems.add(manifest, at + ".name", "names port " + port + " '" + name + "', which already names port "
                    + earlier, "give each container port of the pod its own name");
        }
    }
}
