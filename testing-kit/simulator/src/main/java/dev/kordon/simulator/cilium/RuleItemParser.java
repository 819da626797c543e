package dev.kordon.simulator.cilium;

import dev.kordon.dsl.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads one item of {@code ingress}, {@code ingressDeny}, {@code egress} or {@code egressDeny} of a Cilium rule into
 * a {@link PolicyEntry}: its L3 peers (at most one kind), {@code toPorts} and {@code icmps} [CIL-API]
 * {@code ingress.go}, {@code egress.go}, {@code rule_validation.go}.
 */
final class RuleItemParser {

    /** What every item of one rule shares: where it comes from and whom it applies to. */
    record Context(String resource, int order, String namespace, EndpointSelector subject, boolean subjectMatchesInit,
            boolean defaultDenyIngress, boolean defaultDenyEgress) {
    }

    private final ManifestFields fields;
    private final SelectorParser selectors;
    private final PortRuleParser portRules;

    RuleItemParser(ManifestFields fields) {
        this.fields = fields;
        this.selectors = new SelectorParser(fields);
        this.portRules = new PortRuleParser(fields);
    }

    /** The entry of one item; {@code path} is e.g. {@code spec.ingress[0]}. */
    PolicyEntry parse(Context context, String path, int index, JsonNode node, Direction direction, boolean deny) {
        String from = direction == Direction.INGRESS ? "from" : "to";
        fields.known(path, node, knownFields(direction, deny));
        unsupported(path, node, from, direction);
        boolean authFails = authentication(path, node.path("authentication"));
        Map<String, List<Peer>> kinds = new LinkedHashMap<>();
        endpoints(context, path, node, from + "Endpoints").ifPresent(peers -> kinds.put(from + "Endpoints", peers));
        entities(path, node, from + "Entities").ifPresent(peers -> kinds.put(from + "Entities", peers));
        cidrs(path, node, from + "CIDR").ifPresent(peers -> kinds.put(from + "CIDR", peers));
        cidrSets(path, node, from + "CIDRSet").ifPresent(peers -> kinds.put(from + "CIDRSet", peers));
        if (direction == Direction.EGRESS && !deny) {
            fqdns(path, node).ifPresent(peers -> kinds.put("toFQDNs", peers));
        }
        List<String> used = kinds.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        if (used.size() > 1) {
            fields.problem(path, "combines " + String.join(" and ", used) + ", which Cilium does not support",
                    "write one rule per peer kind");
        }
        Optional<List<Peer>> l3 = kinds.isEmpty() ? Optional.empty() : Optional.of(kinds.values().stream()
                .anyMatch(List::isEmpty) ? List.of() : kinds.values().stream().flatMap(List::stream).toList());
        List<PortRule> l4 = new ArrayList<>(portRules.toPorts(path + ".toPorts", node.path("toPorts"), direction,
                deny));
        List<PortRule> icmps = portRules.icmps(path + ".icmps", node.path("icmps"));
        if (!l4.isEmpty() && !icmps.isEmpty()) {
            fields.problem(path, "has both toPorts and icmps", "the ICMPs block may only be present without"
                    + " toPorts; write a separate rule for each");
        }
        l4.addAll(icmps);
        boolean defaultDeny = direction == Direction.INGRESS ? context.defaultDenyIngress()
                : context.defaultDenyEgress();
        return new PolicyEntry(context.resource(), context.order(), path, index, direction, deny, defaultDeny,
                context.subject(), l3, l4, authFails, "");
    }

    private static Set<String> knownFields(Direction direction, boolean deny) {
        String from = direction == Direction.INGRESS ? "from" : "to";
        List<String> names = new ArrayList<>(List.of(from + "Endpoints", from + "Requires", from + "CIDR",
                from + "CIDRSet", from + "Entities", from + "Groups", from + "Nodes", "toPorts", "icmps"));
        if (direction == Direction.EGRESS) {
            names.add("toServices");
            if (!deny) {
                names.add("toFQDNs");
            }
        }
        if (!deny) {
            names.add("authentication");
        }
        return Set.copyOf(names);
    }

    private void unsupported(String path, JsonNode node, String from, Direction direction) {
        if (ManifestFields.present(node.path(from + "Requires"))) {
            fields.problem(path + "." + from + "Requires", "is deprecated and must be empty since Cilium 1.19",
                    "fold the requirement into the peer selectors");
        }
        if (ManifestFields.present(node.path(from + "Nodes"))) {
            fields.unsupported(path + "." + from + "Nodes", "node selectors (they need the agent flag"
                    + " --enable-node-selector-labels); use " + from + "Entities host/remote-node");
        }
        if (ManifestFields.present(node.path(from + "Groups"))) {
            fields.unsupported(path + "." + from + "Groups", "cloud provider groups");
        }
        if (direction == Direction.EGRESS && ManifestFields.present(node.path("toServices"))) {
            fields.unsupported(path + ".toServices", "Kubernetes Services (the cluster model has none)");
        }
    }

    /** Whether the rule requires the authentication mode that always fails; {@code required} is not modelled. */
    private boolean authentication(String path, JsonNode node) {
        if (!fields.isMap(path + ".authentication", node)) {
            return false;
        }
        fields.known(path + ".authentication", node, Set.of("mode"));
        String mode = fields.string(path + ".authentication.mode", node.path("mode")).orElse("");
        switch (mode) {
            case "disabled" -> {
                return false;
            }
            case "test-always-fail" -> {
                return true;
            }
            case "required" -> fields.unsupported(path + ".authentication.mode", "mutual authentication (mode"
                    + " required: the verdict depends on SPIFFE identities outside the model)");
            default -> fields.problem(path + ".authentication.mode", "is not disabled, required or"
                    + " test-always-fail: " + mode, "use one of them");
        }
        return false;
    }

    private Optional<List<Peer>> endpoints(Context context, String path, JsonNode node, String field) {
        return fields.listIfPresent(path + "." + field, node.path(field)).map(items -> {
            List<Peer> peers = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String at = field + "[" + i + "]";
                EndpointSelector written = selectors.cilium(path + "." + at, items.get(i));
                peers.add(new Peer.Endpoints(at, SelectorParser.peer(written, context.namespace(),
                        context.subjectMatchesInit())));
            }
            return peers;
        });
    }

    private Optional<List<Peer>> entities(String path, JsonNode node, String field) {
        return fields.listIfPresent(path + "." + field, node.path(field)).map(items -> {
            List<Peer> peers = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String at = field + "[" + i + "]";
                fields.string(path + "." + at, items.get(i)).ifPresent(name -> {
                    Optional<Entity> entity = Entity.named(name);
                    if (entity.isEmpty()) {
                        fields.problem(path + "." + at, "is not an entity Cilium supports: " + name,
                                "use one of " + Entity.names());
                    }
                    entity.ifPresent(e -> peers.add(new Peer.Entities(at, e)));
                });
            }
            return peers;
        });
    }

    private Optional<List<Peer>> cidrs(String path, JsonNode node, String field) {
        return fields.listIfPresent(path + "." + field, node.path(field)).map(items -> {
            List<Peer> peers = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String at = field + "[" + i + "]";
                fields.string(path + "." + at, items.get(i)).flatMap(text -> cidr(path + "." + at, text, true))
                        .ifPresent(cidr -> peers.add(new Peer.CidrSet(at, cidr, List.of())));
            }
            return peers;
        });
    }

    private Optional<List<Peer>> cidrSets(String path, JsonNode node, String field) {
        return fields.listIfPresent(path + "." + field, node.path(field)).map(items -> {
            List<Peer> peers = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                cidrSet(path, field + "[" + i + "]", items.get(i)).ifPresent(peers::add);
            }
            return peers;
        });
    }

    private Optional<Peer> cidrSet(String path, String at, JsonNode node) {
        String full = path + "." + at;
        fields.known(full, node, Set.of("cidr", "except", "cidrGroupRef", "cidrGroupSelector"));
        if (ManifestFields.present(node.path("cidrGroupRef"))
                || ManifestFields.present(node.path("cidrGroupSelector"))) {
            fields.unsupported(full, "CiliumCIDRGroup references");
            return Optional.empty();
        }
        Optional<Cidr> cidr = fields.string(full + ".cidr", node.path("cidr")).flatMap(t -> cidr(full + ".cidr", t,
                false));
        if (!ManifestFields.present(node.path("cidr"))) {
            fields.problem(full + ".cidr", "is missing", "give the CIDR, e.g. 10.0.0.0/8");
        }
        List<Cidr> except = new ArrayList<>();
        List<String> texts = fields.strings(full + ".except", node.path("except"));
        for (int i = 0; i < texts.size(); i++) {
            String exceptPath = full + ".except[" + i + "]";
            Optional<Cidr> parsed = cidr(exceptPath, texts.get(i), false);
            if (parsed.isPresent() && cidr.isPresent() && !cidr.get().contains(parsed.get())) {
                fields.problem(exceptPath, "is not inside " + cidr.get() + ": " + texts.get(i),
                        "except must lie inside the cidr");
            }
            parsed.ifPresent(except::add);
        }
        return cidr.map(c -> new Peer.CidrSet(at, c, except));
    }

    /** A CIDR in canonical form; a bare address (allowed where {@code bareAddress}) is a host prefix. */
    private Optional<Cidr> cidr(String path, String text, boolean bareAddress) {
        String notation = bareAddress && !text.contains("/") ? text + (text.contains(":") ? "/128" : "/32") : text;
        Cidr cidr = Cidr.of(notation);
        if (!cidr.isValid()) {
            fields.problem(path, "is not a CIDR with no bits set after the prefix: " + text,
                    "write it like 10.0.0.0/8 or 2001:db8::/32");
            return Optional.empty();
        }
        return Optional.of(cidr);
    }

    private Optional<List<Peer>> fqdns(String path, JsonNode node) {
        return fields.listIfPresent(path + ".toFQDNs", node.path("toFQDNs")).map(items -> {
            List<Peer> peers = new ArrayList<>();
            FqdnParser parser = new FqdnParser(fields);
            for (int i = 0; i < items.size(); i++) {
                String at = "toFQDNs[" + i + "]";
                parser.matcher(path + "." + at, items.get(i)).ifPresent(m -> peers.add(new Peer.Fqdn(at, m)));
            }
            return peers;
        });
    }
}
