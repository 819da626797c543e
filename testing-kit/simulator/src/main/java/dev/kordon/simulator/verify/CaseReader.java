package dev.kordon.simulator.verify;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.ProfileOption;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.EndpointSyntax;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.cluster.ServiceAccount;
import dev.kordon.simulator.cluster.SyntheticAddresses;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads reachability test files, strictly: every unknown field and bad value is a problem with its place. */
public final class CaseReader {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /**
     * The case in a file.
     *
     * @throws InputException listing every problem of the file (and of the policies it holds)
     */
    public ReachabilityCase read(Path file) {
        try {
            return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(List.of(new InputProblem(file.toString(), "", "", "cannot be read: "
                    + e.getMessage(), "give an existing, readable reachability test file")));
        }
    }

    /** The case in a text; {@code file} names it in problems. */
    public ReachabilityCase read(String file, String text) {
        Problems problems = new Problems();
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            problems.add(file, "", "", "is not valid YAML: " + e.getOriginalMessage(), "fix the syntax at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
            problems.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        Reader reader = new Reader(file, problems);
        reader.known("", root, Set.of("source", "variant", "notes", "profile", "cluster", "policies", "expect"));
        EnforcementProfile profile = reader.profile(root.path("profile"));
        Cluster cluster = reader.cluster(root.path("cluster"));
        List<Manifest> policies = root.path("policies").isMissingNode() ? List.of()
                : new ManifestReader().read(file + "#policies", root.path("policies").asString(""), problems);
        List<Probe> probes = reader.probes(root.path("expect"), cluster);
        problems.throwIfAny();
        return new ReachabilityCase(file, root.path("source").asString(""), profile, cluster, policies, probes);
    }

    /** Strict reading of one file's fields. */
    private static final class Reader {
        private final String file;
        private final Problems problems;

        Reader(String file, Problems problems) {
            this.file = file;
            this.problems = problems;
        }

        void problem(String field, String message, String hint) {
            problems.add(file, "", field, message, hint);
        }

        void known(String path, JsonNode node, Set<String> fields) {
            if (!node.isObject()) {
                if (!node.isMissingNode() && !node.isNull()) {
                    problem(path, "is not a map", "write it as a YAML map");
                }
                return;
            }
            node.propertyNames().forEach(name -> {
                if (!fields.contains(name)) {
                    problem(path.isEmpty() ? name : path + "." + name, "is not a field here",
                            "remove it or fix its spelling; known: " + String.join(", ", fields.stream().sorted().toList()));
                }
            });
        }

        EnforcementProfile profile(JsonNode node) {
            Set<String> fields = new java.util.TreeSet<>(Set.of("cni", "mesh"));
            for (ProfileOption option : ProfileOption.values()) {
                fields.add(option.key());
            }
            known("profile", node, fields);
            EnforcementProfile.Cni cni = choice("profile.cni", node.path("cni").asString("generic"),
                    EnforcementProfile.Cni.class, EnforcementProfile.Cni.GENERIC);
            EnforcementProfile.Mesh mesh = choice("profile.mesh", node.path("mesh").asString("none"),
                    EnforcementProfile.Mesh.class, EnforcementProfile.Mesh.NONE);
            EnforcementProfile profile = EnforcementProfile.of(cni, mesh);
            for (ProfileOption option : ProfileOption.values()) {
                JsonNode value = node.path(option.key());
                if (!value.isMissingNode()) {
                    profile = option(option, value, profile);
                }
            }
            return profile;
        }

        /** The profile with one option set, as the CLI and the kit set it; a bad or useless value is a problem. */
        private EnforcementProfile option(ProfileOption option, JsonNode value, EnforcementProfile profile) {
            String field = "profile." + option.key();
            String text = value.isString() || value.isBoolean() ? value.asString() : value.toString();
            if (!option.appliesTo(profile)) {
                problem(field, "changes nothing here: it applies to " + option.cnisText() + " only, and the profile's"
                        + " cni is " + profile.cni(), "remove it, or set cni to " + option.cnisText());
                return profile;
            }
            return option.set(profile, text).orElseGet(() -> {
                problem(field, "is not one of " + String.join(", ", option.accepted()) + ": '" + text + "'",
                        "use " + option.acceptedText());
                return profile;
            });
        }

        <E extends Enum<E>> E choice(String field, String value, Class<E> type, E fallback) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (E each : type.getEnumConstants()) {
                    names.add(each.toString());
                }
                problem(field, "is not one of " + String.join(", ", names) + ": '" + value + "'", "use one of them");
                return fallback;
            }
        }

        Cluster cluster(JsonNode node) {
            known("cluster", node, Set.of("namespaces", "nodes", "pods", "serviceAccounts"));
            List<Namespace> namespaces = new ArrayList<>();
            for (JsonNode each : node.path("namespaces")) {
                known("cluster.namespaces[" + namespaces.size() + "]", each, Set.of("name", "labels"));
                namespaces.add(new Namespace(each.path("name").asString(""), labels(each.path("labels"))));
            }
            List<Node> nodes = new ArrayList<>();
            for (JsonNode each : node.path("nodes")) {
                known("cluster.nodes[" + nodes.size() + "]", each, Set.of("name", "labels", "ip", "kubeAPIServer"));
                nodes.add(new Node(each.path("name").asString(""), labels(each.path("labels")),
                        each.path("ip").asString(""), each.path("kubeAPIServer").asBoolean(false)));
            }
            List<Pod> pods = new ArrayList<>();
            for (JsonNode each : node.path("pods")) {
                pods.add(pod("cluster.pods[" + pods.size() + "]", each, nodes));
            }
            pods = SyntheticAddresses.assign(pods);
            List<ServiceAccount> accounts = new ArrayList<>();
            for (JsonNode each : node.path("serviceAccounts")) {
                known("cluster.serviceAccounts[" + accounts.size() + "]", each, Set.of("namespace", "name", "labels"));
                accounts.add(new ServiceAccount(each.path("namespace").asString(""), each.path("name").asString(""),
                        labels(each.path("labels"))));
            }
            return new Cluster(namespaces, nodes, pods, accounts);
        }

        Pod pod(String path, JsonNode node, List<Node> nodes) {
            known(path, node, Set.of("namespace", "name", "labels", "ip", "ports", "serviceAccount", "hostNetwork",
                    "node", "owner", "calicoWorkloadEndpoint", "calicoProfiles"));
            List<ContainerPort> ports = new ArrayList<>();
            for (JsonNode port : node.path("ports")) {
                known(path + ".ports[" + ports.size() + "]", port, Set.of("name", "port", "protocol"));
                ports.add(new ContainerPort(port.path("name").asString(""), port.path("port").asInt(0),
                        port.path("protocol").asString("TCP").toUpperCase(Locale.ROOT)));
            }
            boolean hostNetwork = node.path("hostNetwork").asBoolean(false);
            String nodeName = node.path("node").asString("");
            String ip = node.path("ip").asString("");
            if (ip.isEmpty() && hostNetwork) {
                ip = nodes.stream().filter(n -> n.name().equals(nodeName)).map(Node::ip).findFirst().orElse("");
            }
            if (ip.isEmpty() && hostNetwork) {
                problem(path + ".ip", "is missing, and node '" + nodeName + "' lists no address",
                        "give the pod an address, or its node one (a host-network pod takes its node's)");
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            for (String key : List.of("calicoWorkloadEndpoint", "calicoProfiles")) {
                if (node.has(key)) {
                    extra.put(key, YAML.convertValue(node.get(key), Object.class));
                }
            }
            return new Pod(node.path("namespace").asString(""), node.path("name").asString(""),
                    labels(node.path("labels")), ip, ports, node.path("serviceAccount").asString("default"),
                    hostNetwork, nodeName, node.path("owner").asString(""), extra);
        }

        SortedMap<String, String> labels(JsonNode node) {
            SortedMap<String, String> labels = new TreeMap<>();
            node.properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString("")));
            return labels;
        }

        List<Probe> probes(JsonNode node, Cluster cluster) {
            List<Probe> probes = new ArrayList<>();
            int index = 0;
            for (JsonNode each : node) {
                String path = "expect[" + index++ + "]";
                known(path, each, Set.of("from", "to", "port", "protocol", "http", "icmp", "allowed"));
                Optional<Endpoint> from = endpoint(path + ".from", each.path("from").asString(""), cluster);
                Optional<Endpoint> to = endpoint(path + ".to", each.path("to").asString(""), cluster);
                Transport transport = choice(path + ".protocol", each.path("protocol").asString("TCP"),
                        Transport.class, Transport.TCP);
                if (!each.has("allowed") || !each.path("allowed").isBoolean()) {
                    problem(path + ".allowed", "is missing or not true/false", "say whether the flow must be allowed");
                }
                if (from.isEmpty() || to.isEmpty()) {
                    continue;
                }
                Flow flow = transport.hasPorts() ? Flow.of(from.get(), to.get(), transport, each.path("port").asInt(0))
                        : Flow.icmp(from.get(), to.get(), transport, each.path("icmp").path("type").asInt(-1));
                if (each.has("http")) {
                    flow = flow.withHttp(http(path + ".http", each.path("http")));
                }
                probes.add(new Probe(each.toString(), flow, each.path("allowed").asBoolean(false)));
            }
            return probes;
        }

        HttpRequest http(String path, JsonNode node) {
            known(path, node, Set.of("method", "path", "host", "headers", "jwt"));
            Map<String, String> headers = new LinkedHashMap<>();
            node.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString("")));
            Optional<HttpRequest.Jwt> jwt = Optional.empty();
            JsonNode token = node.path("jwt");
            if (token.isObject()) {
                known(path + ".jwt", token, Set.of("iss", "sub", "claims"));
                @SuppressWarnings("unchecked")
                Map<String, Object> claims = token.has("claims") ? YAML.convertValue(token.get("claims"), Map.class)
                        : Map.of();
                jwt = Optional.of(new HttpRequest.Jwt(token.path("iss").asString(""), token.path("sub").asString(""),
                        claims));
            }
            return new HttpRequest(node.path("method").asString("GET"), node.path("path").asString("/"),
                    node.path("host").asString(""), headers, jwt);
        }

        Optional<Endpoint> endpoint(String field, String text, Cluster cluster) {
            Optional<Endpoint> endpoint = EndpointSyntax.parse(text, cluster);
            if (endpoint.isEmpty()) {
                problem(field, "names no pod of the cluster: '" + text + "'", EndpointSyntax.hint());
            }
            return endpoint;
        }
    }
}
