package dev.kordon.codegen.importer;

import static dev.kordon.dsl.Kordon.allow;
import static dev.kordon.dsl.Kordon.deny;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Names;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Protocol;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Steps;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Imports {@code cilium.io/v2} CiliumNetworkPolicy at L3/L4 and its HTTP rules. Each rule ({@code spec}, or each of
 * {@code specs}) selects pods of the policy's namespace; each item of {@code ingress}/{@code egress} becomes an allow and each item
 * of {@code ingressDeny}/{@code egressDeny} a deny, enforced on that side only; a direction with items puts the pods
 * in default deny, which is an {@code isolate(...)} (unless {@code enableDefaultDeny} turns it off, which only deny
 * items can keep). Peers: {@code from/toEndpoints} (the policy's namespace unless the selector names
 * {@code io.kubernetes.pod.namespace}; {@code io.cilium.k8s.policy.serviceaccount} as a service account), the
 * entities {@code world}, {@code all} and {@code kube-apiserver}, {@code from/toCIDR} and {@code from/toCIDRSet};
 * no L3 with {@code toPorts} is every peer. Ports: numbers, {@code endPort} ranges, names, {@code "0"} for every port;
 * protocol {@code ANY} (the default) is TCP, UDP and SCTP. A CiliumClusterwideNetworkPolicy is read the same way
 * into the {@code cluster} set, its subject and peers in every namespace unless they name one. HTTP rules
 * ({@code toPorts[].rules.http}) whose regexes say DSL HTTP rules exactly ({@link CiliumHttp}) become
 * {@code .requests(...)} of the ports they are on; ports of one item with other rules become another intent.
 * {@code toFQDNs} become DNS names where the rule lets Cilium learn their addresses ({@link CiliumFqdns}); a DNS rule
 * answering every name is its port alone. An object using anything else (other L7 rules or regexes, other entities,
 * nodes, services, ICMP, namespace labels, …) is not imported: each such field is reported.
 */
final class CiliumPolicyImport implements PolicyImport {

    static final String TYPE = "cilium.io/v2/CiliumNetworkPolicy";
    static final String CLUSTERWIDE_TYPE = "cilium.io/v2/CiliumClusterwideNetworkPolicy";

    private static final String NAMESPACE_KEY = "io.kubernetes.pod.namespace";
    private static final String ACCOUNT_KEY = "io.cilium.k8s.policy.serviceaccount";
    private static final String CLUSTER_KEY = "io.cilium.k8s.policy.cluster";
    private static final Map<String, Peer> ENTITIES = Map.of("world", Entity.WORLD, "all", Entity.ANYWHERE,
            "kube-apiserver", Entity.KUBE_APISERVER);
    private static final Set<String> RULE_FIELDS = Set.of("endpointSelector", "ingress", "ingressDeny", "egress",
            "egressDeny", "enableDefaultDeny", "labels", "description");

    @Override
    public Set<String> types() {
        return Set.of(TYPE, CLUSTERWIDE_TYPE);
    }

    @Override
    public EnforcementProfile profile() {
        return EnforcementProfile.of(EnforcementProfile.Cni.CILIUM, EnforcementProfile.Mesh.NONE);
    }

    @Override
    public List<Imported> intents(List<Manifest> manifests, String defaultNamespace, Problems notImported,
            Problems notes) {
        List<Imported> imported = new ArrayList<>();
        for (Manifest manifest : manifests) {
            boolean clusterwide = manifest.type().equals(CLUSTERWIDE_TYPE);
            String namespace = clusterwide ? "" : manifest.namespace().isEmpty() ? defaultNamespace
                    : manifest.namespace();
            String set = clusterwide ? Importer.CLUSTER_SET : namespace;
            Problems unsupported = new Problems();
            Problems policyNotes = new Problems();
            List<Intent> intents = policy(manifest, namespace, unsupported, policyNotes);
            PolicyImport.keepWhole(set, manifest, intents, unsupported, policyNotes, imported, notImported, notes);
        }
        return imported;
    }

    private static List<Intent> policy(Manifest manifest, String namespace, Problems unsupported, Problems notes) {
        JsonNode body = manifest.body();
        List<Intent> intents = new ArrayList<>();
        if (body.has("specs")) {
            JsonNode specs = body.path("specs");
            for (int k = 0; k < specs.size(); k++) {
                intents.addAll(new Rule(manifest, "specs[" + k + "]", manifest.name() + "-" + k, namespace,
                        unsupported, notes).intents(specs.get(k)));
            }
        }
        if (body.has("spec")) {
            intents.addAll(new Rule(manifest, "spec", manifest.name(), namespace, unsupported, notes)
                    .intents(body.path("spec")));
        }
        return intents;
    }

    /**
     * One Cilium rule of a policy, read into intents; what the DSL cannot say goes to {@code unsupported}. The
     * namespace is the policy's, or empty for a CiliumClusterwideNetworkPolicy, whose subject and peers select pods of
     * every namespace unless they name one.
     */
    private record Rule(Manifest manifest, String path, String name, String namespace, Problems unsupported,
            Problems notes) {

        List<Intent> intents(JsonNode rule) {
            rule.properties().forEach(field -> {
                if (!RULE_FIELDS.contains(field.getKey())) {
                    unsupported(path + "." + field.getKey(), "the rule field " + field.getKey(), "");
                }
            });
            Peer subject = namespace.isEmpty() ? endpoints(path + ".endpointSelector", rule.path("endpointSelector"),
                    false) : new Pods(new NamespaceScope.Named(List.of(namespace)),
                    podLabels(path + ".endpointSelector", rule.path("endpointSelector")));
            boolean learnsNames = CiliumFqdns.learnsNames(manifest, rule, namespace);
            List<Intent> intents = new ArrayList<>();
            Set<Direction> isolated = EnumSet.noneOf(Direction.class);
            for (Direction direction : Direction.values()) {
                String allows = direction == Direction.INGRESS ? "ingress" : "egress";
                boolean defaultDeny = rule.path("enableDefaultDeny").path(allows).asBoolean(true);
                boolean any = false;
                for (String section : List.of(allows, allows + "Deny")) {
                    JsonNode items = rule.path(section);
                    any |= !items.isEmpty();
                    for (int i = 0; i < items.size(); i++) {
                        String at = path + "." + section + "[" + i + "]";
                        String intentName = Names.dns1123Label(name + "-" + section + "-" + i);
                        List<Connection> connections = item(at, items.get(i), direction, section.endsWith("Deny"),
                                subject, learnsNames);
                        for (int k = 0; k < connections.size(); k++) {
                            intents.add(connections.get(k).named(connections.size() == 1 ? intentName
                                    : Names.dns1123Label(intentName + "-" + k)));
                        }
                    }
                }
                if (any && defaultDeny) {
                    isolated.add(direction);
                } else if (!defaultDeny && !rule.path(allows).isEmpty()) {
                    unsupported(path + ".enableDefaultDeny." + allows, "an allow that leaves its pods out of default"
                            + " deny", "in the DSL allowing is isolating");
                }
            }
            if (!isolated.isEmpty()) {
                intents.add(0, FirstAndMore.isolation(subject, isolated, name));
            }
            return intents;
        }

        /**
         * One item: its peers AND its ports, one connection per group of ports with the same HTTP rules (the ports
         * without any first); none when it selects nothing.
         */
        private List<Connection> item(String at, JsonNode item, Direction direction, boolean isDeny, Peer subject,
                boolean learnsNames) {
            boolean l3 = item.propertyNames().stream().anyMatch(key -> !key.equals("toPorts"));
            List<Peer> peers = peers(at, item, direction, isDeny, learnsNames);
            Map<List<HttpRule>, List<PortMatch>> groups = portGroups(at + ".toPorts", item.path("toPorts"));
            if (!l3 && !item.has("toPorts") || l3 && peers.isEmpty()) {
                return List.of(); // selects nothing: only default deny, counted by the caller
            }
            if (peers.isEmpty()) {
                peers.add(Entity.ANYWHERE);
            }
            Peer[] morePeers = FirstAndMore.morePeers(peers);
            List<Connection> connections = new ArrayList<>();
            groups.forEach((http, ports) -> {
                PortMatch[] morePorts = FirstAndMore.morePorts(ports);
                Steps.To start = direction == Direction.INGRESS ? (isDeny ? deny(peers.get(0), morePeers)
                        : allow(peers.get(0), morePeers)) : (isDeny ? deny(subject) : allow(subject));
                Connection connection = direction == Direction.INGRESS ? start.to(subject).on(ports.get(0), morePorts)
                        : start.to(peers.get(0), morePeers).on(ports.get(0), morePorts);
                if (!http.isEmpty()) {
                    connection = connection.requests(http.get(0), http.subList(1, http.size())
                            .toArray(HttpRule[]::new));
                }
                connections.add(direction == Direction.INGRESS ? connection.onlyIngress() : connection.onlyEgress());
            });
            return connections;
        }

        /** The peers of an item's L3 fields (all but {@code toPorts}); each one the DSL cannot say is reported. */
        private List<Peer> peers(String at, JsonNode item, Direction direction, boolean isDeny, boolean learnsNames) {
            String prefix = direction == Direction.INGRESS ? "from" : "to";
            List<Peer> peers = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                String key = field.getKey();
                if (key.equals("toPorts")) {
                    continue;
                }
                JsonNode values = field.getValue();
                for (int i = 0; i < values.size(); i++) {
                    String valuePath = at + "." + key + "[" + i + "]";
                    JsonNode value = values.get(i);
                    if (key.equals(prefix + "Endpoints")) {
                        peers.add(endpoints(valuePath, value, isDeny));
                    } else if (key.equals(prefix + "Entities") && ENTITIES.containsKey(value.asString(""))) {
                        peers.add(ENTITIES.get(value.asString("")));
                    } else if (key.equals(prefix + "CIDR")) {
                        peers.add(new IpBlock(Cidr.of(value.asString("")), List.of()));
                    } else if (key.equals("toFQDNs")) {
                        CiliumFqdns.name(valuePath, value, learnsNames, this::unsupported).ifPresent(peers::add);
                    } else if (key.equals(prefix + "CIDRSet") && value.has("cidr")) {
                        List<Cidr> except = new ArrayList<>();
                        value.path("except").forEach(cidr -> except.add(Cidr.of(cidr.asString(""))));
                        peers.add(new IpBlock(Cidr.of(value.path("cidr").asString("")), except));
                    } else {
                        unsupported(valuePath, key + " " + value, "");
                    }
                }
            }
            return peers;
        }

        /**
         * The ports of the item by their HTTP rules: the ports of entries without rules (or with an HTTP rule that
         * allows every request) under no rules, each other entry's ports under its rules. No ports is any traffic.
         */
        private Map<List<HttpRule>, List<PortMatch>> portGroups(String at, JsonNode toPorts) {
            Map<List<HttpRule>, List<PortMatch>> groups = new java.util.LinkedHashMap<>();
            for (int r = 0; r < toPorts.size(); r++) {
                JsonNode rule = toPorts.get(r);
                String rulePath = at + "[" + r + "]";
                rule.properties().forEach(field -> {
                    if (!field.getKey().equals("ports") && !field.getKey().equals("rules")) {
                        unsupported(rulePath + "." + field.getKey(), "the port rule field " + field.getKey()
                                + " (TLS, SNI, listeners)", "");
                    }
                });
                List<PortMatch> ports = new ArrayList<>();
                JsonNode list = rule.path("ports");
                for (int p = 0; p < list.size(); p++) {
                    ports.addAll(port(rulePath + ".ports[" + p + "]", list.get(p)));
                }
                groups.computeIfAbsent(http(rulePath + ".rules", rule.path("rules")), key -> new ArrayList<>())
                        .addAll(ports.isEmpty() ? List.of(new AnyTraffic()) : ports);
            }
            if (groups.isEmpty()) {
                groups.put(List.of(), List.of(new AnyTraffic()));
            }
            return groups;
        }

        /**
         * The HTTP rules of an entry's {@code rules}, none when it has none. An empty rule {@code {}} passes every
         * HTTP request but nothing else, which no DSL rule says (one that matches every request is refused).
         */
        private List<HttpRule> http(String at, JsonNode rules) {
            rules.properties().forEach(field -> {
                if (field.getKey().equals("dns") && !CiliumFqdns.answersEveryName(field.getValue())) {
                    unsupported(at + ".dns", "a DNS rule that filters lookups", "the DSL allows a port or not; a DNS"
                            + " rule answering every name (matchPattern \"*\") is read as the port alone");
                } else if (!field.getKey().equals("http") && !field.getKey().equals("dns")) {
                    unsupported(at + "." + field.getKey(), "the L7 rules " + field.getKey(), "");
                }
            });
            List<HttpRule> http = new ArrayList<>();
            JsonNode list = rules.path("http");
            for (int h = 0; h < list.size(); h++) {
                String ruleAt = at + ".http[" + h + "]";
                if (list.get(h).isEmpty()) {
                    unsupported.add(manifest, ruleAt, "the HTTP rule {} cannot be said in the DSL: it passes every HTTP"
                            + " request and refuses other traffic on the port, where a DSL intent either has no HTTP"
                            + " rules (any traffic) or rules that constrain something", "leave out the rules of this"
                            + " port if any traffic is meant, or name the methods or paths");
                }
                CiliumHttp.rule(ruleAt, list.get(h), (field, message, fix) -> unsupported.add(manifest, field,
                        message, fix)).ifPresent(http::add);
            }
            return List.copyOf(http);
        }

        private List<PortMatch> port(String at, JsonNode node) {
            String protocol = node.path("protocol").asString("ANY");
            List<Protocol> protocols = protocol.equals("ANY") ? List.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP)
                    : List.of("TCP", "UDP", "SCTP").contains(protocol) ? List.of(Protocol.valueOf(protocol))
                    : List.of();
            if (protocols.isEmpty()) {
                unsupported(at + ".protocol", "the protocol " + protocol, "");
                return List.of();
            }
            String port = node.path("port").asString("0");
            List<PortMatch> ports = new ArrayList<>();
            for (Protocol each : protocols) {
                if (!port.chars().allMatch(Character::isDigit)) {
                    ports.add(new NamedPort(each, port));
                } else if (Integer.parseInt(port) == 0) {
                    ports.add(new AllPorts(each));
                } else {
                    int first = Integer.parseInt(port);
                    int last = node.path("endPort").asInt(first);
                    ports.add(last == first ? new PortNumber(each, first) : new PortRange(each, first, last));
                }
            }
            return ports;
        }

        /** An endpoint selector of pods: its namespace, service account and pod labels. */
        private Peer endpoints(String at, JsonNode node, boolean isDeny) {
            LabelSelector selector = ImportedSelectors.read(manifest, at, node, new Problems());
            NamespaceScope scope = namespace.isEmpty() ? new NamespaceScope.All()
                    : new NamespaceScope.Named(List.of(namespace));
            String account = "";
            List<LabelRequirement> pods = new ArrayList<>();
            for (LabelRequirement requirement : selector.requirements()) {
                String key = unprefixed(requirement.key());
                if (key.equals(NAMESPACE_KEY) && requirement.operator() == LabelRequirement.Operator.IN) {
                    scope = new NamespaceScope.Named(requirement.values());
                } else if (key.equals(NAMESPACE_KEY) && requirement.operator()
                        == LabelRequirement.Operator.EXISTS) {
                    scope = new NamespaceScope.All();
                } else if (key.equals(ACCOUNT_KEY) && requirement.isEquality()) {
                    account = requirement.values().get(0);
                } else if (key.equals(CLUSTER_KEY) && requirement.operator() == LabelRequirement.Operator.EXISTS) {
                    cluster(at, isDeny);
                } else if (key.startsWith("io.kubernetes.") || key.startsWith("io.cilium.") || key.contains(":")) {
                    unsupported(at, "the selector key " + requirement.key(), "");
                } else {
                    pods.add(new LabelRequirement(key, requirement.operator(), requirement.values()));
                }
            }
            if (!account.isEmpty() && pods.isEmpty() && scope instanceof NamespaceScope.Named named
                    && named.names().size() == 1) {
                return new ServiceAccountRef(named.names().get(0), account);
            }
            if (!account.isEmpty()) {
                unsupported(at, "a service account together with pod labels or several namespaces", "");
            }
            return new Pods(scope, pods.isEmpty() ? LabelSelector.matchingAll() : new LabelSelector(pods));
        }

        /** The subject's pod labels: the namespace key is ignored, as Cilium forces the policy's namespace. */
        private LabelSelector podLabels(String at, JsonNode node) {
            List<LabelRequirement> pods = new ArrayList<>();
            for (LabelRequirement requirement : ImportedSelectors.read(manifest, at, node, new Problems())
                    .requirements()) {
                String key = unprefixed(requirement.key());
                if (key.equals(NAMESPACE_KEY)) {
                    continue;
                }
                if (key.startsWith("io.kubernetes.") || key.startsWith("io.cilium.") || key.contains(":")) {
                    unsupported(at, "the selector key " + requirement.key(), "");
                } else {
                    pods.add(new LabelRequirement(key, requirement.operator(), requirement.values()));
                }
            }
            return pods.isEmpty() ? LabelSelector.matchingAll() : new LabelSelector(pods);
        }

        private static String unprefixed(String key) {
            return key.startsWith("k8s:") || key.startsWith("any:") ? key.substring(4) : key;
        }

        /**
         * {@code io.cilium.k8s.policy.cluster Exists}: the pods of every cluster of a cluster mesh. The DSL describes
         * one cluster, whose pods all carry the label: the requirement is dropped, which in a mesh narrows an allow
         * (noted) and would widen a deny (not imported).
         */
        private void cluster(String at, boolean isDeny) {
            if (isDeny) {
                unsupported(at, "a deny of the pods of every cluster of a cluster mesh (" + CLUSTER_KEY + " Exists)",
                        "the DSL describes one cluster, and denying only its pods would allow the other clusters'");
            } else {
                notes.add(manifest, at, "selects pods of every cluster of a cluster mesh (" + CLUSTER_KEY + " Exists);"
                        + " the DSL describes one cluster, where every pod has the label, so the requirement is left"
                        + " out (in a mesh the import allows only this cluster's pods)", "nothing to do in a single"
                        + " cluster; in a mesh, keep applying this manifest for the other clusters");
            }
        }

        private void unsupported(String field, String what, String why) {
            unsupported.add(manifest, field, what + " cannot be said in the DSL" + (why.isEmpty() ? " yet"
                    : ": " + why), "declare what the policy does with the DSL by hand (docs/dsl.md), or keep"
                    + " applying this manifest beside the generated ones");
        }
    }
}
