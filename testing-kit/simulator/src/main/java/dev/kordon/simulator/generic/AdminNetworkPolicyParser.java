package dev.kordon.simulator.generic;

import dev.kordon.simulator.Transport;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Parses the legacy {@code policy.networking.k8s.io/v1alpha1} AdminNetworkPolicy (Admin tier, with a priority) and
 * BaselineAdminNetworkPolicy (Baseline tier, the singleton {@code default}, Allow and Deny only) strictly, with the
 * validation of their last CRDs (v0.1.8).
 */
final class AdminNetworkPolicyParser {

    static final String ADMIN_TYPE = "policy.networking.k8s.io/v1alpha1/AdminNetworkPolicy";
    static final String BASELINE_TYPE = "policy.networking.k8s.io/v1alpha1/BaselineAdminNetworkPolicy";
    static final String BASELINE_NAME = "default";

    private static final int MAX = 100;
    private static final Dialect ADMIN = new Dialect(Map.of("Allow", Action.ACCEPT, "Deny", Action.DENY, "Pass",
            Action.PASS), MAX, MAX, "ports", true, List.of("namespaces", "pods", "nodes", "networks", "domainNames"),
            AdminNetworkPolicyParser::port);
    private static final Dialect BASELINE = new Dialect(Map.of("Allow", Action.ACCEPT, "Deny", Action.DENY), MAX,
            MAX, "ports", true, List.of("namespaces", "pods", "nodes", "networks"), AdminNetworkPolicyParser::port);

    /** An AdminNetworkPolicy (empty when its subject cannot be read); problems go to {@code problems}. */
    Optional<TieredPolicy> parseAdmin(Manifest manifest, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        fields.header(false);
        JsonNode spec = manifest.body().path("spec");
        fields.known("spec", spec, Set.of("priority", "subject", "ingress", "egress"));
        fields.required("spec.priority", spec.path("priority"));
        Optional<Integer> priority = fields.integer("spec.priority", spec.path("priority"), 0, 1000);
        return policy(fields, ADMIN, Tier.ADMIN, priority.orElse(0));
    }

    /** A BaselineAdminNetworkPolicy (empty when its subject cannot be read); problems go to {@code problems}. */
    Optional<TieredPolicy> parseBaseline(Manifest manifest, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        fields.header(false);
        if (!manifest.name().equals(BASELINE_NAME)) {
            fields.problem("metadata.name", "is '" + manifest.name() + "', but the only BaselineAdminNetworkPolicy"
                    + " a cluster may hold is named 'default'", "name it default");
        }
        fields.known("spec", manifest.body().path("spec"), Set.of("subject", "ingress", "egress"));
        return policy(fields, BASELINE, Tier.BASELINE, 0);
    }

    private static Optional<TieredPolicy> policy(ManifestFields fields, Dialect dialect, Tier tier, int priority) {
        JsonNode spec = fields.manifest().body().path("spec");
        TieredRules rules = new TieredRules(dialect, fields);
        Optional<Subject> subject = rules.subject(spec.path("subject"));
        List<TieredPolicy.Rule> ingress = rules.rules(spec, Direction.INGRESS);
        List<TieredPolicy.Rule> egress = rules.rules(spec, Direction.EGRESS);
        return subject.map(selected -> new TieredPolicy(fields.manifest().describe(), tier, priority, selected,
                ingress, egress));
    }

    /** One {@code ports} entry: exactly one of portNumber, namedPort and portRange. */
    private static List<PortMatch> port(ManifestFields fields, String path, JsonNode node) {
        if (!fields.map(path, node)) {
            fields.required(path, node);
            return List.of();
        }
        List<String> kinds = List.of("portNumber", "namedPort", "portRange");
        fields.known(path, node, Set.copyOf(kinds));
        Optional<String> kind = fields.exactlyOne(path, node, kinds);
        if (kind.isEmpty()) {
            return List.of();
        }
        String at = path + "." + kind.get();
        JsonNode value = node.path(kind.get());
        Optional<PortMatch> port = switch (kind.get()) {
            case "namedPort" -> fields.string(at, value).map(PortMatch.Named::anyProtocol);
            case "portNumber" -> portNumber(fields, at, value);
            default -> protocol(fields, at, value).flatMap(protocol -> Ranges.read(fields, at, value, protocol,
                    "protocol"));
        };
        return port.<List<PortMatch>>map(List::of).orElse(List.of());
    }

    private static Optional<PortMatch> portNumber(ManifestFields fields, String path, JsonNode node) {
        if (!fields.map(path, node)) {
            return Optional.empty();
        }
        fields.known(path, node, Set.of("protocol", "port"));
        Optional<Transport> protocol = protocol(fields, path, node);
        fields.required(path + ".port", node.path("port"));
        Optional<Integer> port = fields.integer(path + ".port", node.path("port"), PortMatch.FIRST, PortMatch.LAST);
        return protocol.flatMap(p -> port.map(number -> new PortMatch.Numbers(p, number, number)));
    }

    private static Optional<Transport> protocol(ManifestFields fields, String path, JsonNode node) {
        return fields.protocol(path + ".protocol", node.path("protocol"), "write TCP, UDP or SCTP (uppercase), or"
                + " leave it out for TCP");
    }
}
