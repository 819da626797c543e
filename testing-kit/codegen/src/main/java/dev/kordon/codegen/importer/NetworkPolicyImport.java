package dev.kordon.codegen.importer;

import static dev.kordon.dsl.Kordon.allow;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.IpBlock;
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
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.Fields;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Imports {@code networking.k8s.io/v1} NetworkPolicy. Every NetworkPolicy can be said exactly: its pods are
 * {@code pods(inNamespace(ns), podSelector)}; each rule of a direction in {@code policyTypes} becomes one allow
 * enforced at that side only ({@code onlyIngress()}/{@code onlyEgress()}), whose peers are the rule's peers
 * ({@code anywhere()} when it lists none) and whose ports are the rule's ports ({@code anyTraffic()} when it lists
 * none); a direction in {@code policyTypes} without rules becomes an {@code isolate(...)}. Allowing is isolating in
 * the DSL as in Kubernetes, so the rules need no isolation of their own.
 */
final class NetworkPolicyImport implements PolicyImport {

    static final String TYPE = "networking.k8s.io/v1/NetworkPolicy";

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public EnforcementProfile profile() {
        return EnforcementProfile.generic();
    }

    @Override
    public List<Imported> intents(List<Manifest> manifests, String defaultNamespace, Problems notImported,
            Problems notes) {
        List<Imported> imported = new ArrayList<>();
        for (Manifest manifest : manifests) {
            String namespace = manifest.namespace().isEmpty() ? defaultNamespace : manifest.namespace();
            imported.addAll(intents(manifest, namespace, notImported));
        }
        return imported;
    }

    private List<Imported> intents(Manifest manifest, String namespace, Problems notImported) {
        JsonNode spec = manifest.body().path("spec");
        Problems unexpected = new Problems();
        LabelSelector podSelector = ImportedSelectors.read(manifest, "spec.podSelector", spec.path("podSelector"),
                unexpected);
        Pods subject = new Pods(new NamespaceScope.Named(List.of(namespace)), podSelector);
        List<Intent> intents = new ArrayList<>();
        Set<Direction> isolated = EnumSet.noneOf(Direction.class);
        Set<Direction> types = policyTypes(spec);
        for (Direction direction : types) {
            String field = direction == Direction.INGRESS ? "ingress" : "egress";
            List<JsonNode> rules = Fields.list(manifest, "spec." + field, spec.path(field), unexpected);
            if (rules.isEmpty()) {
                isolated.add(direction);
            }
            for (int i = 0; i < rules.size(); i++) {
                String path = "spec." + field + "[" + i + "]";
                intents.add(rule(manifest, path, rules.get(i), direction, subject, namespace, unexpected)
                        .named(Names.dns1123Label(manifest.name() + "-" + field + "-" + i)));
            }
        }
        for (Direction direction : EnumSet.complementOf(EnumSet.copyOf(types))) {
            String field = direction == Direction.INGRESS ? "ingress" : "egress";
            if (!spec.path(field).isEmpty()) {
                notImported.add(manifest, "spec." + field, "is ignored: spec.policyTypes does not list "
                        + (direction == Direction.INGRESS ? "Ingress" : "Egress") + ", so Kubernetes does not apply"
                        + " these rules, and the import leaves them out too", "add it to policyTypes if the rules are"
                        + " meant to apply, or remove them");
            }
        }
        if (!isolated.isEmpty()) {
            intents.add(0, FirstAndMore.isolation(subject, isolated, manifest.name()));
        }
        unexpected.throwIfAny(); // the simulator accepted the object, so its fields read here are valid
        return intents.stream().map(intent -> new Imported(namespace, manifest, intent)).toList();
    }

    /** {@code policyTypes} as written, or as the API server defaults it: Ingress, and Egress with egress rules. */
    private static Set<Direction> policyTypes(JsonNode spec) {
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        for (JsonNode type : spec.path("policyTypes")) {
            types.add(type.asString("").equals("Egress") ? Direction.EGRESS : Direction.INGRESS);
        }
        if (types.isEmpty()) {
            types.add(Direction.INGRESS);
            if (!spec.path("egress").isEmpty()) {
                types.add(Direction.EGRESS);
            }
        }
        return types;
    }

    private static Connection rule(Manifest manifest, String path, JsonNode rule, Direction direction, Pods subject,
            String namespace, Problems problems) {
        String peersField = direction == Direction.INGRESS ? "from" : "to";
        List<Peer> peers = new ArrayList<>();
        List<JsonNode> items = Fields.list(manifest, path + "." + peersField, rule.path(peersField), problems);
        for (int i = 0; i < items.size(); i++) {
            peers.add(peer(manifest, path + "." + peersField + "[" + i + "]", items.get(i), namespace, problems));
        }
        if (peers.isEmpty()) {
            peers.add(Entity.ANYWHERE);
        }
        List<PortMatch> ports = new ArrayList<>();
        for (JsonNode port : Fields.list(manifest, path + ".ports", rule.path("ports"), problems)) {
            ports.add(port(port));
        }
        if (ports.isEmpty()) {
            ports.add(new AnyTraffic());
        }
        Peer[] morePeers = FirstAndMore.morePeers(peers);
        PortMatch[] morePorts = FirstAndMore.morePorts(ports);
        return direction == Direction.INGRESS
                ? allow(peers.get(0), morePeers).to(subject).on(ports.get(0), morePorts).onlyIngress()
                : allow(subject).to(peers.get(0), morePeers).on(ports.get(0), morePorts).onlyEgress();
    }

    private static Peer peer(Manifest manifest, String path, JsonNode node, String namespace, Problems problems) {
        JsonNode ipBlock = node.path("ipBlock");
        if (ipBlock.isObject()) {
            List<Cidr> except = new ArrayList<>();
            ipBlock.path("except").forEach(cidr -> except.add(Cidr.of(cidr.asString(""))));
            return new IpBlock(Cidr.of(ipBlock.path("cidr").asString("")), except);
        }
        JsonNode podNode = node.path("podSelector");
        LabelSelector pods = podNode.isObject() ? ImportedSelectors.read(manifest, path + ".podSelector", podNode,
                problems) : LabelSelector.matchingAll();
        JsonNode namespaceNode = node.path("namespaceSelector");
        if (!namespaceNode.isObject()) {
            return new Pods(new NamespaceScope.Named(List.of(namespace)), pods);
        }
        LabelSelector namespaces = ImportedSelectors.read(manifest, path + ".namespaceSelector", namespaceNode,
                problems);
        return new Pods(ImportedSelectors.scope(namespaces), pods);
    }

    private static PortMatch port(JsonNode node) {
        Protocol protocol = Protocol.valueOf(node.path("protocol").asString("TCP"));
        JsonNode port = node.path("port");
        if (port.isMissingNode() || port.isNull()) {
            return new AllPorts(protocol);
        }
        if (port.isString()) {
            return new NamedPort(protocol, port.stringValue());
        }
        int first = port.intValue();
        int last = node.path("endPort").asInt(first);
        return last == first ? new PortNumber(protocol, first) : new PortRange(protocol, first, last);
    }
}
