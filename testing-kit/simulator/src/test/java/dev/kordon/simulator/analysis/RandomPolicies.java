package dev.kordon.simulator.analysis;

import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random small clusters and valid policies for property tests, here and (through the simulator's test jar) in the
 * modules that test against the simulator: NetworkPolicies with named ports, port ranges, ipBlocks with exceptions
 * over pod and node addresses, policyTypes written or defaulted, TCP, UDP and SCTP; and cluster-wide policies
 * ({@link TieredPolicies}). The same seed gives the same cluster and policies.
 */
public final class RandomPolicies {

    private static final List<String> APPS = List.of("web", "db", "api");
    private static final List<String> PEERS = List.of(
            "podSelector: {matchLabels: {app: %app}}",
            "namespaceSelector: {matchLabels: {team: red}}",
            "namespaceSelector: {}\n      podSelector: {matchLabels: {app: %app}}",
            "namespaceSelector: {matchExpressions: [{key: team, operator: NotIn, values: [red]}]}",
            "podSelector: {}",
            "ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24]}",
            "ipBlock: {cidr: 10.1.0.0/24}",
            "ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}",
            "ipBlock: {cidr: 192.168.1.0/24}");
    private static final List<String> PORTS = List.of(
            "port: 80", "protocol: UDP\n      port: 53", "protocol: TCP\n      port: 8000\n      endPort: 8100",
            "port: http", "protocol: UDP\n      port: dns", "protocol: SCTP\n      port: 9000",
            "protocol: SCTP\n      port: sctp", "protocol: UDP\n      port: http");

    private RandomPolicies() {
    }

    /**
     * Three namespaces labelled {@code team} red or blue, one to three pods each labelled {@code app} web, db or api
     * (some on the host network) with container ports {@code http}, {@code dns} and {@code sctp} at random, on two
     * nodes labelled {@code zone}.
     */
    public static Cluster cluster(Random random) {
        List<Namespace> namespaces = new ArrayList<>();
        List<Pod> pods = new ArrayList<>();
        List<Node> nodes = List.of(new Node("node-1", new TreeMap<>(Map.of("zone", "a")), "10.1.0.1", false),
                new Node("node-2", new TreeMap<>(Map.of("zone", "b")), "10.1.0.2", false));
        for (int n = 0; n < 3; n++) {
            String namespace = "ns" + n;
            namespaces.add(new Namespace(namespace, new TreeMap<>(Map.of("kubernetes.io/metadata.name", namespace,
                    "team", random.nextBoolean() ? "red" : "blue"))));
            for (int p = 0; p < 1 + random.nextInt(3); p++) {
                Node node = nodes.get(random.nextInt(nodes.size()));
                boolean hostNetwork = random.nextInt(6) == 0;
                List<ContainerPort> ports = new ArrayList<>();
                if (random.nextBoolean()) {
                    ports.add(new ContainerPort("http", random.nextBoolean() ? 80 : 8080, "TCP"));
                }
                if (random.nextBoolean()) {
                    ports.add(new ContainerPort("dns", 53, "UDP"));
                }
                if (random.nextBoolean()) {
                    ports.add(new ContainerPort("sctp", 9000 + random.nextInt(2), "SCTP"));
                }
                pods.add(new Pod(namespace, "p" + p, new TreeMap<>(Map.of("app", APPS.get(random.nextInt(3)))),
                        hostNetwork ? node.ip() : "10.0." + n + "." + (p + 1), ports, "default", hostNetwork,
                        node.name(), "", Map.of()));
            }
        }
        return new Cluster(namespaces, nodes, pods, List.of());
    }

    /** One to four NetworkPolicies as YAML documents, valid for {@link #cluster}'s namespaces. */
    public static String networkPolicies(Random random) {
        StringBuilder yaml = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            yaml.append("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np").append(i)
                    .append("\n  namespace: ns").append(random.nextInt(3)).append("\nspec:\n  podSelector: ")
                    .append(random.nextInt(3) == 0 ? "{}" : "{matchLabels: {app: " + app(random) + "}}").append('\n');
            boolean ingress = random.nextInt(4) != 0;
            boolean egress = random.nextInt(3) != 0;
            int types = random.nextInt(4);
            if (types > 0) {
                yaml.append("  policyTypes: ").append(types == 1 ? "[Ingress]" : types == 2 ? "[Egress]"
                        : "[Ingress, Egress]").append('\n');
            }
            boolean egressAllowed = types == 0 || types >= 2;
            boolean ingressAllowed = types != 2;
            if (ingress && ingressAllowed) {
                rules(yaml, random, "ingress", "from");
            }
            if (egress && egressAllowed) {
                rules(yaml, random, "egress", "to");
            }
        }
        return yaml.toString();
    }

    private static void rules(StringBuilder yaml, Random random, String direction, String peersField) {
        int rules = random.nextInt(3);
        yaml.append("  ").append(direction).append(rules == 0 ? ": []\n" : ":\n");
        for (int r = 0; r < rules; r++) {
            yaml.append("  -");
            boolean first = true;
            if (random.nextInt(4) != 0) {
                yaml.append(" ").append(peersField).append(":\n");
                first = false;
                boolean onlyBlocks = true;
                for (int p = 0; p < 1 + random.nextInt(3); p++) {
                    String peer = PEERS.get(random.nextInt(PEERS.size()));
                    onlyBlocks &= peer.startsWith("ipBlock");
                    yaml.append("    - ").append(peer.replace("%app", app(random))).append('\n');
                }
                if (onlyBlocks) {
                    // A named port on an egress rule of ipBlocks alone is rejected as ambiguous: add a pod peer.
                    yaml.append("    - podSelector: {matchLabels: {app: ").append(app(random)).append("}}\n");
                }
            }
            if (random.nextInt(3) != 0) {
                yaml.append(first ? " " : "    ").append("ports:\n");
                first = false;
                for (int p = 0; p < 1 + random.nextInt(3); p++) {
                    yaml.append("    - ").append(PORTS.get(random.nextInt(PORTS.size()))).append('\n');
                }
            }
            if (first) {
                yaml.append(" {}\n");
            }
        }
    }

    private static String app(Random random) {
        return APPS.get(random.nextInt(APPS.size()));
    }

    /** One to four cluster-wide policies of one API version as YAML documents ({@link TieredPolicies}). */
    public static String clusterWidePolicies(Random random) {
        return new TieredPolicies(random).yaml();
    }
}
