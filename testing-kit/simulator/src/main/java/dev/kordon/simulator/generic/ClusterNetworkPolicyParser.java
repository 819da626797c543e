package dev.kordon.simulator.generic;

import dev.kordon.simulator.Transport;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Parses a {@code policy.networking.k8s.io/v1alpha2} ClusterNetworkPolicy strictly, with the CRD's validation
 * (standard and experimental channels: tier, priority, one-field subjects, peers and protocols, port ranges, the
 * named-port and domainNames restrictions).
 */
final class ClusterNetworkPolicyParser {

    static final String TYPE = "policy.networking.k8s.io/v1alpha2/ClusterNetworkPolicy";

    private static final int MAX = 25;
    private static final Dialect DIALECT = new Dialect(Map.of("Accept", Action.ACCEPT, "Deny", Action.DENY, "Pass",
            Action.PASS), MAX, MAX, "protocols", false, List.of("namespaces", "pods", "networks", "nodes",
            "domainNames"), ClusterNetworkPolicyParser::protocol);

    /** The policy in a manifest (empty when its tier or subject cannot be read); problems go to {@code problems}. */
    Optional<TieredPolicy> parse(Manifest manifest, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        fields.header(false);
        JsonNode spec = manifest.body().path("spec");
        fields.known("spec", spec, Set.of("tier", "priority", "subject", "ingress", "egress"));
        Optional<Tier> tier = tier(fields, spec.path("tier"));
        fields.required("spec.priority", spec.path("priority"));
        Optional<Integer> priority = fields.integer("spec.priority", spec.path("priority"), 0, 1000);
        TieredRules rules = new TieredRules(DIALECT, fields);
        Optional<Subject> subject = rules.subject(spec.path("subject"));
        List<TieredPolicy.Rule> ingress = rules.rules(spec, Direction.INGRESS);
        List<TieredPolicy.Rule> egress = rules.rules(spec, Direction.EGRESS);
        if (tier.isEmpty() || subject.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TieredPolicy(manifest.describe(), tier.get(), priority.orElse(0), subject.get(),
                ingress, egress));
    }

    private static Optional<Tier> tier(ManifestFields fields, JsonNode node) {
        if (!fields.required("spec.tier", node)) {
            return Optional.empty();
        }
        Optional<String> written = fields.string("spec.tier", node);
        Optional<Tier> tier = written.flatMap(text -> List.of(Tier.values()).stream()
                .filter(each -> each.written().equals(text)).findFirst());
        if (written.isPresent() && tier.isEmpty()) {
            fields.problem("spec.tier", "is not Admin or Baseline: '" + written.get() + "'", "write Admin (before"
                    + " NetworkPolicies) or Baseline (after them)");
        }
        return tier;
    }

    /** One {@code protocols} entry: exactly one of tcp, udp, sctp (each with a destinationPort) and a named port. */
    private static List<PortMatch> protocol(ManifestFields fields, String path, JsonNode node) {
        if (!fields.map(path, node)) {
            fields.required(path, node);
            return List.of();
        }
        fields.known(path, node, Set.of("tcp", "udp", "sctp", "destinationNamedPort"));
        Optional<String> field = fields.exactlyOne(path, node, List.of("tcp", "udp", "sctp", "destinationNamedPort"));
        if (field.isEmpty()) {
            return List.of();
        }
        if (field.get().equals("destinationNamedPort")) {
            return fields.string(path + ".destinationNamedPort", node.path("destinationNamedPort"))
                    .<List<PortMatch>>map(name -> List.of(PortMatch.Named.anyProtocol(name))).orElse(List.of());
        }
        Transport protocol = Transport.valueOf(field.get().toUpperCase(Locale.ROOT));
        return destinationPort(fields, path + "." + field.get(), node.path(field.get()), protocol)
                .<List<PortMatch>>map(List::of).orElse(List.of());
    }

    private static Optional<PortMatch> destinationPort(ManifestFields fields, String path, JsonNode node,
            Transport protocol) {
        if (!fields.map(path, node)) {
            return Optional.empty();
        }
        fields.known(path, node, Set.of("destinationPort"));
        String at = path + ".destinationPort";
        JsonNode port = node.path("destinationPort");
        if (ManifestFields.absent(port)) {
            fields.problem(at, "is missing", "give a number or a range; for every port of " + protocol + " write"
                    + " range {start: 1, end: 65535}");
            return Optional.empty();
        }
        if (!fields.map(at, port)) {
            return Optional.empty();
        }
        fields.known(at, port, Set.of("number", "range"));
        Optional<String> field = fields.exactlyOne(at, port, List.of("number", "range"));
        if (field.isEmpty()) {
            return Optional.empty();
        }
        if (field.get().equals("number")) {
            return fields.integer(at + ".number", port.path("number"), PortMatch.FIRST, PortMatch.LAST)
                    .map(number -> new PortMatch.Numbers(protocol, number, number));
        }
        return Ranges.read(fields, at + ".range", port.path("range"), protocol);
    }
}
