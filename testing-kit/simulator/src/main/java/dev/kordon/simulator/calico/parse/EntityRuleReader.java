package dev.kordon.simulator.calico.parse;

import dev.kordon.dsl.Cidr;
import dev.kordon.simulator.calico.model.CalicoLabels;
import dev.kordon.simulator.calico.model.Conjunct;
import dev.kordon.simulator.calico.model.EntityRule;
import dev.kordon.simulator.calico.model.PortMatch;
import dev.kordon.simulator.calico.model.View;
import dev.kordon.simulator.calico.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Calico rule's {@code source} or {@code destination} and combines its selector fields the way Calico does
 * ({@code updateprocessors.GetEntityRuleSelector}): the namespace scope (the rule's namespaceSelector, else the
 * policy's own namespace for a NetworkPolicy) applies as soon as any selector field is used, and is ANDed with the
 * service-account match and the selector; {@code notSelector} stays unscoped.
 */
final class EntityRuleReader {

    private static final Set<String> FIELDS = Set.of("nets", "notNets", "selector", "notSelector",
            "namespaceSelector", "ports", "notPorts", "serviceAccounts", "services");

    /** A side of a rule, with what protocol validation needs to know about its ports. */
    record Side(EntityRule rule, boolean numericPorts, boolean anyPorts) {
    }

    private final ManifestFields fields;
    private final String policyNamespace;

    EntityRuleReader(ManifestFields fields, String policyNamespace) {
        this.fields = fields;
        this.policyNamespace = policyNamespace;
    }

    Side read(String path, JsonNode node, boolean source) {
        if (!ManifestFields.present(node)) {
            return new Side(EntityRule.ANY, false, false);
        }
        fields.known(path, node, FIELDS);
        if (!node.isObject()) {
            return new Side(EntityRule.ANY, false, false);
        }
        if (ManifestFields.present(node.get("services"))) {
            fields.problem(path + ".services", "is not supported by the simulator: it has no model of Kubernetes"
                    + " Services and their endpoints", "select the Service's pods with selector and ports instead");
        }
        List<Cidr> nets = nets(path + ".nets", node.get("nets"), false);
        List<Cidr> notNets = nets(path + ".notNets", node.get("notNets"), true);
        List<PortMatch> ports = ports(path + ".ports", node.get("ports"), source);
        List<PortMatch> notPorts = ports(path + ".notPorts", node.get("notPorts"), source);
        List<Conjunct> notSelector = fields.selector(path + ".notSelector", node.get("notSelector"), false)
                .map(s -> List.of(new Conjunct("notSelector " + s, View.ENDPOINT, s))).orElse(List.of());
        List<Conjunct> selector = selector(path, node, !notSelector.isEmpty());
        boolean numeric = ports.stream().anyMatch(p -> p instanceof PortMatch.Range)
                || notPorts.stream().anyMatch(p -> p instanceof PortMatch.Range);
        return new Side(new EntityRule(nets, notNets, selector, notSelector, ports, notPorts), numeric,
                !ports.isEmpty() || !notPorts.isEmpty());
    }

    private List<Conjunct> selector(String path, JsonNode node, boolean hasNotSelector) {
        Optional<Selector> namespaceSelector = fields.selector(path + ".namespaceSelector",
                node.get("namespaceSelector"), true).filter(s -> !isEmpty(node.get("namespaceSelector")));
        List<Conjunct> parts = new ArrayList<>(serviceAccounts(path + ".serviceAccounts", node.get("serviceAccounts")));
        fields.selector(path + ".selector", node.get("selector"), false).filter(s -> !isEmpty(node.get("selector")))
                .ifPresent(s -> parts.add(new Conjunct("selector " + s, View.ENDPOINT, s)));
        Optional<Conjunct> scope = namespaceSelector.map(s -> new Conjunct("namespaceSelector " + s, View.NAMESPACE,
                s)).or(() -> policyNamespace.isEmpty() ? Optional.empty()
                : Optional.of(Scopes.policyNamespace(policyNamespace)));
        if (scope.isPresent() && (!parts.isEmpty() || hasNotSelector || namespaceSelector.isPresent())) {
            parts.add(0, scope.get());
        }
        return parts;
    }

    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isString() && node.asString().isEmpty();
    }

    private List<Conjunct> serviceAccounts(String path, JsonNode node) {
        if (!ManifestFields.present(node)) {
            return List.of();
        }
        fields.known(path, node, Set.of("names", "selector"));
        if (!node.isObject()) {
            return List.of();
        }
        List<Conjunct> parts = new ArrayList<>();
        fields.selector(path + ".selector", node.get("selector"), false).filter(s -> !isEmpty(node.get("selector")))
                .ifPresent(s -> parts.add(new Conjunct("serviceAccounts.selector " + s, View.SERVICE_ACCOUNT, s)));
        List<String> names = fields.strings(path + ".names", node.get("names"));
        if (!names.isEmpty()) {
            parts.add(new Conjunct("serviceAccounts.names " + names, View.ENDPOINT,
                    new Selector.InSet(CalicoLabels.SERVICE_ACCOUNT, new TreeSet<>(names), false)));
        }
        return parts;
    }

    private List<Cidr> nets(String path, JsonNode node, boolean negated) {
        List<String> texts = fields.strings(path, node);
        List<Cidr> nets = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Optional<Cidr> cidr = fields.cidrOrIp(path + "[" + i + "]", texts.get(i));
            if (cidr.isPresent() && negated && cidr.get().prefixLength().orElse(1) == 0) {
                fields.problem(path + "[" + i + "]", "is a catch-all CIDR, which Calico rejects in notNets: '"
                        + texts.get(i) + "'", "a rule with notNets " + texts.get(i) + " could match nothing of that"
                        + " family; remove the rule or narrow the CIDR");
                continue;
            }
            cidr.ifPresent(nets::add);
        }
        if (!negated && nets.stream().map(Cidr::isIpv6).distinct().count() > 1) {
            fields.problem(path, "mixes IPv4 and IPv6 CIDRs, which Calico rejects",
                    "split the rule into one rule per IP version");
        }
        return nets;
    }

    private List<PortMatch> ports(String path, JsonNode node, boolean source) {
        List<JsonNode> items = fields.list(path, node);
        if (source && !items.isEmpty()) {
            fields.problem(path, "is not supported by the simulator: source ports match the client's (ephemeral)"
                    + " port, and simulated flows carry none", "remove the source port constraint");
            return List.of();
        }
        List<PortMatch> ports = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Ports.port(fields, path + "[" + i + "]", items.get(i)).ifPresent(ports::add);
        }
        return ports;
    }
}
