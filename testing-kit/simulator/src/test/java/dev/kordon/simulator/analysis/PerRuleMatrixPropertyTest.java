package dev.kordon.simulator.analysis;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * On random small clusters and NetworkPolicies (named ports, port ranges, ipBlocks with exceptions over pod and node
 * addresses, host-network pods, traffic to a pod's own node, policyTypes written or defaulted, TCP, UDP and SCTP),
 * with or without random cluster-wide policies ({@link TieredPolicies}: ClusterNetworkPolicies of both tiers,
 * AdminNetworkPolicies and the BaselineAdminNetworkPolicy, with tied priorities, every action, namespaces, pods,
 * networks, nodes and domainNames peers, named ports and port ranges), the connectivity matrix computed per rule
 * equals the one decided flow by flow, under both choices of ipBlocks selecting pods; under a mesh the per-rule way
 * declines.
 */
class PerRuleMatrixPropertyTest {

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

    @Property(tries = 100)
    void the_matrix_is_the_same_per_rule_and_flow_by_flow(@ForAll long seed) {
        Random random = new Random(seed);
        Cluster cluster = cluster(random);
        Problems problems = new Problems();
        List<Manifest> policies = new ManifestReader().read("random.yaml", policies(random), problems);
        problems.throwIfAny();
        for (boolean ipBlockSelectsPods : List.of(true, false)) {
            EnforcementProfile profile = new EnforcementProfile(EnforcementProfile.Cni.GENERIC,
                    EnforcementProfile.Mesh.NONE, false, ipBlockSelectsPods);
            PerRuleMatrixDifferentialTest.compare("seed " + seed + " under " + profile, cluster.pods(),
                    build(cluster, policies, profile), policies);
        }
    }

    @Property(tries = 150)
    void the_matrix_is_the_same_per_rule_and_flow_by_flow_with_cluster_wide_tiers(@ForAll long seed) {
        Random random = new Random(seed);
        Cluster cluster = cluster(random);
        String yaml = (random.nextInt(3) == 0 ? "" : policies(random)) + new TieredPolicies(random).yaml();
        Problems problems = new Problems();
        List<Manifest> policies = new ManifestReader().read("random.yaml", yaml, problems);
        problems.throwIfAny();
        List<EnforcementProfile> profiles = List.of(
                new EnforcementProfile(EnforcementProfile.Cni.GENERIC, EnforcementProfile.Mesh.NONE, false, true),
                new EnforcementProfile(EnforcementProfile.Cni.GENERIC, EnforcementProfile.Mesh.NONE, false, false),
                new EnforcementProfile(EnforcementProfile.Cni.GENERIC, EnforcementProfile.Mesh.ISTIO, false, true));
        for (EnforcementProfile profile : profiles) {
            PerRuleMatrixDifferentialTest.compare("seed " + seed + " under " + profile + ":\n" + yaml,
                    cluster.pods(), build(cluster, policies, profile), policies);
        }
    }

    private static Optional<Simulator> build(Cluster cluster, List<Manifest> policies, EnforcementProfile profile) {
        try {
            return Optional.of(Simulator.build(cluster, policies, profile));
        } catch (InputException e) {
            throw new AssertionError("the generator wrote an invalid policy: " + e.getMessage(), e);
        }
    }

    private static Cluster cluster(Random random) {
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

    private static String policies(Random random) {
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
}
