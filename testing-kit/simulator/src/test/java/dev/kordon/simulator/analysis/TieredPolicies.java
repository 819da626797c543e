package dev.kordon.simulator.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid cluster-wide policies for the clusters of {@link PerRuleMatrixPropertyTest} (namespaces labelled
 * {@code team}, pods {@code app}, nodes {@code zone}, container ports {@code http}, {@code dns}, {@code sctp}):
 * ClusterNetworkPolicies (v1alpha2) of the Admin and Baseline tiers, AdminNetworkPolicies and at most one
 * BaselineAdminNetworkPolicy (v1alpha1), with priorities drawn from a few values so that ties are common.
 */
final class TieredPolicies {

    private static final List<String> APPS = List.of("web", "db", "api");
    private static final List<String> SUBJECTS = List.of(
            "namespaces: {matchLabels: {team: red}}",
            "namespaces: {}",
            "pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: %app}}}",
            "pods: {namespaceSelector: {matchLabels: {team: blue}}, podSelector: {matchLabels: {app: %app}}}");
    private static final List<String> POD_PEERS = List.of(
            "namespaces: {matchLabels: {team: red}}",
            "namespaces: {}",
            "namespaces: {matchExpressions: [{key: team, operator: NotIn, values: [red]}]}",
            "pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: %app}}}",
            "pods: {namespaceSelector: {matchLabels: {team: blue}}, podSelector: {}}");
    private static final List<String> ADDRESS_PEERS = List.of(
            "networks: [10.0.0.0/16]",
            "networks: [10.0.1.0/24, 192.168.1.0/24]",
            "networks: [0.0.0.0/0]",
            "networks: [10.1.0.0/24]",
            "nodes: {matchLabels: {zone: a}}",
            "nodes: {}");
    private static final List<String> PROTOCOLS = List.of(
            "tcp: {destinationPort: {number: 80}}",
            "udp: {destinationPort: {number: 53}}",
            "tcp: {destinationPort: {range: {start: 8000, end: 8100}}}",
            "tcp: {destinationPort: {range: {start: 1, end: 65535}}}",
            "sctp: {destinationPort: {number: 9000}}");
    private static final List<String> PORTS = List.of(
            "portNumber: {protocol: TCP, port: 80}",
            "portNumber: {port: 8080}",
            "portNumber: {protocol: UDP, port: 53}",
            "portRange: {protocol: TCP, start: 8000, end: 8100}",
            "portRange: {protocol: SCTP, start: 9000, end: 9001}");
    private static final List<String> NAMES = List.of("http", "dns", "sctp");

    private final Random random;
    private final StringBuilder yaml = new StringBuilder();

    TieredPolicies(Random random) {
        this.random = random;
    }

    /**
     * One to four policies as YAML documents, of one API version (a BaselineAdminNetworkPolicy cannot be ordered
     * among Baseline-tier ClusterNetworkPolicies).
     */
    String yaml() {
        int count = 1 + random.nextInt(4);
        boolean v1alpha2 = random.nextInt(3) != 0;
        boolean baseline = false;
        for (int i = 0; i < count; i++) {
            if (v1alpha2) {
                clusterNetworkPolicy(i, random.nextBoolean() ? "Admin" : "Baseline");
            } else if (!baseline && random.nextInt(3) == 0) {
                baseline = true;
                legacy(i, "BaselineAdminNetworkPolicy", "default", false);
            } else {
                legacy(i, "AdminNetworkPolicy", "anp" + i, true);
            }
        }
        return yaml.toString();
    }

    private void clusterNetworkPolicy(int i, String tier) {
        yaml.append("---\napiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\n")
                .append("metadata:\n  name: cnp").append(i).append("\nspec:\n  tier: ").append(tier)
                .append("\n  priority: ").append(random.nextInt(3)).append('\n');
        subject();
        rules("ingress", "from", List.of("Accept", "Deny", "Pass"), true);
        rules("egress", "to", List.of("Accept", "Deny", "Pass"), true);
    }

    private void legacy(int i, String kind, String name, boolean admin) {
        yaml.append("---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: ").append(kind)
                .append("\nmetadata:\n  name: ").append(name).append("\nspec:\n");
        if (admin) {
            yaml.append("  priority: ").append(random.nextInt(3)).append('\n');
        }
        subject();
        List<String> actions = admin ? List.of("Allow", "Deny", "Pass") : List.of("Allow", "Deny");
        rules("ingress", "from", actions, false);
        rules("egress", "to", actions, false);
    }

    private void subject() {
        yaml.append("  subject:\n    ").append(app(SUBJECTS.get(random.nextInt(SUBJECTS.size())))).append('\n');
    }

    private void rules(String direction, String peersField, List<String> actions, boolean v1alpha2) {
        int rules = random.nextInt(4);
        if (rules == 0) {
            return;
        }
        yaml.append("  ").append(direction).append(":\n");
        for (int r = 0; r < rules; r++) {
            String action = actions.get(random.nextInt(actions.size()));
            yaml.append("  - action: ").append(action).append('\n');
            if (random.nextInt(3) == 0) {
                yaml.append("    name: rule-").append(r).append('\n');
            }
            List<String> peers = new ArrayList<>();
            boolean addresses = false;
            for (int p = 0; p < 1 + random.nextInt(2); p++) {
                boolean address = direction.equals("egress") && random.nextInt(3) == 0;
                addresses |= address;
                List<String> from = address ? ADDRESS_PEERS : POD_PEERS;
                peers.add(app(from.get(random.nextInt(from.size()))));
            }
            if (direction.equals("egress") && action.equals("Accept") && v1alpha2 && random.nextInt(4) == 0) {
                peers.add("domainNames: [example.com, '*.example.org']");
                addresses = true;
            }
            yaml.append("    ").append(peersField).append(":\n");
            peers.forEach(peer -> yaml.append("    - ").append(peer).append('\n'));
            if (random.nextInt(3) != 0) {
                ports(v1alpha2, !addresses);
            }
        }
    }

    /** A rule's ports; named ports only where the rule has no networks, nodes or domainNames peer. */
    private void ports(boolean v1alpha2, boolean named) {
        yaml.append(v1alpha2 ? "    protocols:\n" : "    ports:\n");
        for (int p = 0; p < 1 + random.nextInt(3); p++) {
            String entry;
            if (named && random.nextInt(3) == 0) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                entry = v1alpha2 ? "destinationNamedPort: " + name : "namedPort: " + name;
            } else {
                List<String> from = v1alpha2 ? PROTOCOLS : PORTS;
                entry = from.get(random.nextInt(from.size()));
            }
            yaml.append("    - ").append(entry).append('\n');
        }
    }

    private String app(String text) {
        return text.replace("%app", APPS.get(random.nextInt(APPS.size())));
    }
}
