package dev.kordon.codegen.importer;

import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.cluster.SyntheticAddresses;
import dev.kordon.simulator.input.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A cluster for policies that come without one: for every pod selector the policies write (with its namespace
 * selector, or the policy's namespace), one pod whose labels satisfy it, in a namespace whose labels satisfy that;
 * plus one unlabelled pod in an unlabelled namespace. An Istio policy's {@code selector} is a pod of its namespace,
 * and each service account its sources name a pod that runs as it; a Cilium endpoint selector is a pod, in the
 * namespace and with the service account its identity labels name. Every pod declares every port the policies name,
 * so the probe grid tries them all.
 */
final class ClusterFromSelectors {

    private static final String NAME_LABEL = "kubernetes.io/metadata.name";

    private final SortedMap<String, SortedMap<String, String>> namespaces = new TreeMap<>();
    private final Map<String, SortedMap<String, String>> pods = new TreeMap<>();
    private final Map<String, String> accounts = new TreeMap<>();
    private final SortedSet<String> numbers = new TreeSet<>();
    private final SortedSet<String> names = new TreeSet<>();

    private ClusterFromSelectors() {
    }

    static Cluster of(List<Manifest> policies) {
        ClusterFromSelectors built = new ClusterFromSelectors();
        for (Manifest policy : policies) {
            built.walk(policy.body().path("spec"), policy.namespace().isEmpty() ? "default" : policy.namespace());
        }
        built.pods.put("outsider/plain", new TreeMap<>());
        built.namespaces.put("outsider", new TreeMap<>(Map.of(NAME_LABEL, "outsider")));
        return built.cluster();
    }

    private void walk(JsonNode node, String namespace) {
        if (node.isArray()) {
            node.forEach(child -> walk(child, namespace));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.path("selector").isString() || node.path("namespaceSelector").isString()) {
            calicoPod(node, namespace);
        } else if (node.path("selector").has("matchLabels")) {
            SortedMap<String, String> labels = satisfying(node.path("selector"));
            namespace(namespace, new TreeMap<>());
            pods.put(namespace + "/p" + Integer.toHexString(labels.hashCode()), labels);
        } else if (node.has("endpointSelector")) {
            ciliumPod(node.path("endpointSelector"), namespace);
        } else if (node.has("fromEndpoints") || node.has("toEndpoints")) {
            node.path("fromEndpoints").forEach(selector -> ciliumPod(selector, namespace));
            node.path("toEndpoints").forEach(selector -> ciliumPod(selector, namespace));
        } else if (node.has("principals") || node.has("serviceAccounts")) {
            istioAccounts(node, namespace);
        } else if (node.path("namespaces").isArray()) {
            node.path("namespaces").forEach(name -> {
                if (!name.asString().contains("*")) {
                    namespace(name.asString(), new TreeMap<>());
                    pods.put(name.asString() + "/plain", new TreeMap<>());
                }
            });
        } else if (node.has("podSelector") || node.has("namespaceSelector") || node.has("namespaces")) {
            pod(node, namespace);
        }
        for (JsonNode calicoPort : node.path("ports")) {
            if (calicoPort.isInt()) {
                numbers.add(calicoPort.asString());
            } else if (calicoPort.isString() && calicoPort.asString().matches("[0-9]+(:[0-9]+)?")) {
                numbers.add(calicoPort.asString().replaceAll(":.*", ""));
            } else if (calicoPort.isString()) {
                names.add(calicoPort.asString());
            }
        }
        JsonNode port = node.has("port") ? node.path("port") : node.path("number");
        if (port.isInt() || port.isString() && port.asString().matches("[0-9]+")) {
            numbers.add(port.asString());
        } else if (port.isString()) {
            names.add(port.asString());
        }
        if (node.has("destinationNamedPort")) {
            names.add(node.path("destinationNamedPort").asString());
        }
        node.properties().forEach(field -> walk(field.getValue(), namespace));
    }

    private void pod(JsonNode node, String policyNamespace) {
        JsonNode namespaceSelector = node.has("namespaceSelector") ? node.path("namespaceSelector")
                : node.path("namespaces");
        String namespace = policyNamespace;
        if (namespaceSelector.isObject()) {
            SortedMap<String, String> labels = satisfying(namespaceSelector);
            namespace = labels.getOrDefault(NAME_LABEL, "ns-" + Integer.toHexString(labels.hashCode()));
        }
        namespace(namespace, namespaceSelector.isObject() ? satisfying(namespaceSelector) : new TreeMap<>());
        SortedMap<String, String> labels = satisfying(node.path("podSelector"));
        pods.put(namespace + "/p" + Integer.toHexString(labels.hashCode()), labels);
    }

    /**
     * A Cilium endpoint selector: a pod with its labels (without the {@code k8s:} prefix), in the namespace that
     * {@code io.kubernetes.pod.namespace} names, running as {@code io.cilium.k8s.policy.serviceaccount}.
     */
    private void ciliumPod(JsonNode selector, String policyNamespace) {
        SortedMap<String, String> labels = new TreeMap<>();
        satisfying(selector).forEach((key, value) -> labels.put(key.startsWith("k8s:") ? key.substring(4) : key,
                value));
        String namespace = labels.getOrDefault("io.kubernetes.pod.namespace", policyNamespace);
        labels.remove("io.kubernetes.pod.namespace");
        String account = labels.remove("io.cilium.k8s.policy.serviceaccount");
        namespace(namespace, new TreeMap<>());
        String id = namespace + "/p" + Integer.toHexString(labels.hashCode()) + (account == null ? "" : "-" + account);
        pods.put(id, labels);
        if (account != null) {
            accounts.put(id, account);
        }
    }

    /**
     * An Istio source: one pod per service account its principals ({@code cluster.local/ns/X/sa/Y}) or
     * {@code serviceAccounts} ({@code X/Y}, or {@code Y} in the policy's namespace) name, running as it.
     */
    private void istioAccounts(JsonNode source, String policyNamespace) {
        List<String> accountsOf = new ArrayList<>();
        source.path("principals").forEach(principal -> {
            String[] parts = principal.asString().split("/");
            if (parts.length == 5 && parts[1].equals("ns") && parts[3].equals("sa") && !parts[4].contains("*")) {
                accountsOf.add(parts[2] + "/" + parts[4]);
            }
        });
        source.path("serviceAccounts").forEach(account -> accountsOf.add(account.asString().contains("/")
                ? account.asString() : policyNamespace + "/" + account.asString()));
        for (String account : accountsOf) {
            String namespace = account.substring(0, account.indexOf('/'));
            String name = account.substring(account.indexOf('/') + 1);
            namespace(namespace, new TreeMap<>());
            String id = namespace + "/sa-" + name;
            pods.put(id, new TreeMap<>(Map.of("kordon.dev/account", name)));
            accounts.put(id, name);
        }
    }

    /** A namespace with (at least) these labels, and its name as {@code kubernetes.io/metadata.name}. */
    private void namespace(String name, SortedMap<String, String> labels) {
        SortedMap<String, String> all = new TreeMap<>(labels);
        all.put(NAME_LABEL, name);
        namespaces.merge(name, all, (a, b) -> {
            a.putAll(b);
            return a;
        });
    }

    /**
     * A Calico entity or policy: one pod per alternative of its {@code selector}, in a namespace that satisfies its
     * {@code namespaceSelector} (the policy's namespace, or {@code default} for a global policy, without one).
     */
    private void calicoPod(JsonNode node, String policyNamespace) {
        String namespace = policyNamespace;
        try {
            if (node.path("namespaceSelector").isString()) {
                SortedMap<String, String> labels = satisfying(CalicoSelectors.alternatives("",
                        node.path("namespaceSelector").asString()).get(0));
                String named = labels.remove("projectcalico.org/name");
                namespace = named != null ? named : labels.isEmpty() ? policyNamespace
                        : "ns-" + Integer.toHexString(labels.hashCode());
                namespace(namespace, labels);
            } else {
                namespace(namespace, new TreeMap<>());
            }
            for (dev.kordon.dsl.LabelSelector alternative : CalicoSelectors.alternatives("",
                    node.path("selector").asString(""))) {
                SortedMap<String, String> labels = satisfying(alternative);
                labels.remove("projectcalico.org/serviceaccount");
                pods.put(namespace + "/p" + Integer.toHexString(labels.hashCode()), labels);
            }
        } catch (NotExpressible e) {
            // a selector the import refuses: no pod for it
        }
    }

    private static SortedMap<String, String> satisfying(dev.kordon.dsl.LabelSelector selector) {
        SortedMap<String, String> labels = new TreeMap<>();
        for (dev.kordon.dsl.LabelRequirement requirement : selector.requirements()) {
            switch (requirement.operator()) {
                case IN -> labels.put(requirement.key(), requirement.values().get(0));
                case EXISTS -> labels.put(requirement.key(), "x");
                default -> {
                    // NotIn and DoesNotExist hold for a pod without the label.
                }
            }
        }
        return labels;
    }

    /** Labels that satisfy a selector: its matchLabels, the first value of each In, a value for each Exists. */
    private static SortedMap<String, String> satisfying(JsonNode selector) {
        SortedMap<String, String> labels = new TreeMap<>();
        selector.path("matchLabels").properties().forEach(entry -> labels.put(entry.getKey(),
                entry.getValue().asString()));
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asString();
            switch (expression.path("operator").asString()) {
                case "In" -> labels.put(key, expression.path("values").get(0).asString());
                case "Exists" -> labels.put(key, "x");
                default -> {
                    // NotIn and DoesNotExist hold for a pod without the label.
                }
            }
        }
        return labels;
    }

    private Cluster cluster() {
        List<ContainerPort> ports = new ArrayList<>();
        numbers.forEach(number -> {
            for (String protocol : List.of("TCP", "UDP", "SCTP")) {
                ports.add(new ContainerPort("", Integer.parseInt(number), protocol));
            }
        });
        int next = 20000;
        for (String name : names) {
            ports.add(new ContainerPort(name, next++, "TCP"));
        }
        List<Pod> built = new ArrayList<>();
        pods.forEach((id, labels) -> {
            String namespace = id.substring(0, id.indexOf('/'));
            built.add(new Pod(namespace, id.substring(id.indexOf('/') + 1), labels, "", ports,
                    accounts.getOrDefault(id, "default"), false, "",
                    "", Map.of()));
        });
        List<Namespace> all = new ArrayList<>();
        namespaces.forEach((name, labels) -> all.add(new Namespace(name, labels)));
        return new Cluster(all, List.of(), SyntheticAddresses.assign(built), List.of());
    }
}
