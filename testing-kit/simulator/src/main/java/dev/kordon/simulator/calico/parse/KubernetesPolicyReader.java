package dev.kordon.simulator.calico.parse;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.simulator.calico.model.Action;
import dev.kordon.simulator.calico.model.Conjunct;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.EntityRule;
import dev.kordon.simulator.calico.model.Policy;
import dev.kordon.simulator.calico.model.PolicyKind;
import dev.kordon.simulator.calico.model.PortMatch;
import dev.kordon.simulator.calico.model.ProtocolMatch;
import dev.kordon.simulator.calico.model.Rule;
import dev.kordon.simulator.calico.model.StagedAction;
import dev.kordon.simulator.calico.model.Tier;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Kubernetes {@code NetworkPolicy} (or Calico's {@code StagedKubernetesNetworkPolicy}) and converts it as
 * Calico does ({@code K8sNetworkPolicyToCalico}): tier {@code default}, order 1000, subject
 * {@code projectcalico.org/orchestrator == 'k8s' && <podSelector>} in the policy's namespace, one Allow rule per peer
 * and port.
 */
public final class KubernetesPolicyReader {

    /** The order Calico gives every Kubernetes NetworkPolicy. */
    public static final double ORDER = 1000;

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    /** A converted peer: what it selects, as one side of a Calico rule. */
    private record Peer(String origin, List<Cidr> nets, List<Cidr> notNets, List<Conjunct> selector) {
    }

    /** A converted port entry. */
    private record Port(String origin, ProtocolMatch protocol, List<PortMatch> ports) {
    }

    /** Reads one policy; empty when it has problems (which go to {@code problems}). */
    public Optional<Policy> read(Manifest manifest, PolicyKind kind, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        JsonNode spec = fields.spec();
        fields.known("spec", spec, kind.staged() ? Set.of("podSelector", "policyTypes", "ingress", "egress",
                "stagedAction") : Set.of("podSelector", "policyTypes", "ingress", "egress"));
        if (manifest.namespace().isEmpty()) {
            fields.problem("metadata.namespace", "is missing", "set the namespace the policy is applied in");
            return Optional.empty();
        }
        int before = problems.all().size();
        String namespace = manifest.namespace();
        LabelSelector podSelector = !ManifestFields.present(spec.get("podSelector")) ? LabelSelector.matchingAll()
                : fields.labelSelector("spec.podSelector", spec.get("podSelector"));
        List<Conjunct> subject = List.of(Scopes.policyNamespace(namespace),
                Scopes.kubernetesPods("podSelector " + podSelector, podSelector));
        List<Rule> ingress = rules(fields, namespace, "spec.ingress", spec.get("ingress"), Direction.INGRESS);
        List<Rule> egress = rules(fields, namespace, "spec.egress", spec.get("egress"), Direction.EGRESS);
        Set<Direction> types = policyTypes(fields, spec.get("policyTypes"),
                CalicoPolicyReader.nonEmptyList(spec.get("egress")));
        StagedAction staged = StagedAction.NONE;
        if (kind.staged()) {
            String text = fields.string("spec.stagedAction", spec.get("stagedAction")).orElse("Set");
            staged = text.equals("Delete") ? StagedAction.DELETE : text.equals("Ignore") ? StagedAction.IGNORE
                    : text.equals("Learn") ? StagedAction.LEARN : StagedAction.SET;
            if (!Set.of("Set", "Delete", "Learn", "Ignore").contains(text)) {
                fields.problem("spec.stagedAction", "is not a staged action: '" + text + "'",
                        "use Set, Delete, Learn or Ignore");
            }
        }
        if (problems.all().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Policy(kind, namespace, manifest.name(), manifest.describe(), Tier.DEFAULT, ORDER,
                subject, types, ingress, egress, false, staged));
    }

    /** {@code policyTypes} as written, or the API server's default: Ingress, plus Egress iff egress rules exist. */
    private static Set<Direction> policyTypes(ManifestFields fields, JsonNode node, boolean hasEgress) {
        List<String> written = fields.strings("spec.policyTypes", node);
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        if (written.isEmpty()) {
            types.add(Direction.INGRESS);
            if (hasEgress) {
                types.add(Direction.EGRESS);
            }
            return types;
        }
        for (String type : written) {
            Direction direction = type.equals("Ingress") ? Direction.INGRESS : type.equals("Egress")
                    ? Direction.EGRESS : null;
            if (direction == null) {
                fields.problem("spec.policyTypes", "is not a policy type: '" + type + "'", "use Ingress and/or Egress");
            } else if (!types.add(direction)) {
                fields.problem("spec.policyTypes", "lists " + type + " twice", "list each type once");
            }
        }
        return types;
    }

    private static List<Rule> rules(ManifestFields fields, String namespace, String path, JsonNode node,
            Direction direction) {
        String peersField = direction == Direction.INGRESS ? "from" : "to";
        List<JsonNode> items = fields.list(path, node);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            fields.known(at, items.get(i), Set.of(peersField, "ports"));
            if (!items.get(i).isObject()) {
                continue;
            }
            List<Peer> peers = peers(fields, namespace, at + "." + peersField, items.get(i).get(peersField));
            List<Port> ports = ports(fields, at + ".ports", items.get(i).get("ports"));
            for (Peer peer : peers) {
                for (Port port : ports) {
                    String origin = String.join(", ", java.util.stream.Stream.of(peer.origin(), port.origin())
                            .filter(text -> !text.isEmpty()).toList());
                    EntityRule peerSide = new EntityRule(peer.nets(), peer.notNets(), peer.selector(), List.of(),
                            direction == Direction.EGRESS ? port.ports() : List.of(), List.of());
                    EntityRule portSide = new EntityRule(List.of(), List.of(), List.of(), List.of(), port.ports(),
                            List.of());
                    rules.add(direction == Direction.INGRESS
                            ? Rule.of(i, origin, Action.ALLOW, port.protocol(), peerSide, portSide)
                            : Rule.of(i, origin, Action.ALLOW, port.protocol(), EntityRule.ANY, peerSide));
                }
            }
        }
        return rules;
    }

    private static List<Peer> peers(ManifestFields fields, String namespace, String path, JsonNode node) {
        List<JsonNode> items = fields.list(path, node);
        if (items.isEmpty()) {
            return List.of(new Peer("", List.of(), List.of(), List.of()));
        }
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            String origin = items.size() > 1 ? at.substring(at.lastIndexOf('.') + 1) : "";
            peer(fields, namespace, at, origin, items.get(i)).ifPresent(peers::add);
        }
        return peers;
    }

    private static Optional<Peer> peer(ManifestFields fields, String namespace, String path, String origin,
            JsonNode node) {
        fields.known(path, node, Set.of("podSelector", "namespaceSelector", "ipBlock"));
        if (!node.isObject()) {
            return Optional.empty();
        }
        boolean pods = ManifestFields.present(node.get("podSelector"));
        boolean namespaces = ManifestFields.present(node.get("namespaceSelector"));
        boolean ipBlock = ManifestFields.present(node.get("ipBlock"));
        if (!pods && !namespaces && !ipBlock) {
            fields.problem(path, "sets no field", "set podSelector, namespaceSelector or ipBlock (an empty peer is"
                    + " rejected by the API server)");
            return Optional.empty();
        }
        if (ipBlock) {
            if (pods || namespaces) {
                fields.problem(path, "combines ipBlock with a selector", "put the ipBlock in a peer of its own");
                return Optional.empty();
            }
            return ipBlock(fields, path + ".ipBlock", origin, node.get("ipBlock"));
        }
        List<Conjunct> selector = new ArrayList<>();
        if (namespaces) {
            LabelSelector selected = fields.labelSelector(path + ".namespaceSelector", node.get("namespaceSelector"));
            selector.add(Scopes.kubernetesNamespaces("namespaceSelector " + selected, selected));
        } else {
            selector.add(Scopes.policyNamespace(namespace));
        }
        LabelSelector podSelector = pods ? fields.labelSelector(path + ".podSelector", node.get("podSelector"))
                : LabelSelector.matchingAll();
        selector.add(Scopes.kubernetesPods(pods ? "podSelector " + podSelector : "any pod", podSelector));
        return Optional.of(new Peer(origin, List.of(), List.of(), selector));
    }

    private static Optional<Peer> ipBlock(ManifestFields fields, String path, String origin, JsonNode node) {
        fields.known(path, node, Set.of("cidr", "except"));
        if (!node.isObject()) {
            return Optional.empty();
        }
        Optional<Cidr> cidr = fields.string(path + ".cidr", node.get("cidr")).flatMap(text -> text.contains("/")
                ? fields.cidrOrIp(path + ".cidr", text) : notACidr(fields, path + ".cidr", text));
        if (cidr.isEmpty()) {
            if (!ManifestFields.present(node.get("cidr"))) {
                fields.problem(path + ".cidr", "is missing", "give the CIDR of the block");
            }
            return Optional.empty();
        }
        List<Cidr> except = new ArrayList<>();
        List<String> texts = fields.strings(path + ".except", node.get("except"));
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Optional<Cidr> excluded = text.contains("/") ? fields.cidrOrIp(path + ".except[" + i + "]", text)
                    : notACidr(fields, path + ".except[" + i + "]", text);
            if (excluded.isPresent() && !(cidr.get().contains(excluded.get())
                    && excluded.get().prefixLength().orElse(0) > cidr.get().prefixLength().orElse(0))) {
                fields.problem(path + ".except[" + i + "]", "is not strictly inside " + cidr.get() + ": '" + text
                        + "'", "list only smaller blocks inside the cidr");
                continue;
            }
            excluded.ifPresent(except::add);
        }
        return Optional.of(new Peer(origin, List.of(cidr.get()), except, List.of()));
    }

    private static Optional<Cidr> notACidr(ManifestFields fields, String path, String text) {
        fields.problem(path, "is not a CIDR: '" + text + "'", "write a CIDR such as 10.0.0.0/16");
        return Optional.empty();
    }

    private static List<Port> ports(ManifestFields fields, String path, JsonNode node) {
        List<JsonNode> items = fields.list(path, node);
        if (items.isEmpty()) {
            return List.of(new Port("", ProtocolMatch.ANY, List.of()));
        }
        List<Port> ports = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            port(fields, path + "[" + i + "]", items.size() > 1 ? "ports[" + i + "]" : "", items.get(i))
                    .ifPresent(ports::add);
        }
        return ports;
    }

    private static Optional<Port> port(ManifestFields fields, String path, String origin, JsonNode node) {
        fields.known(path, node, Set.of("protocol", "port", "endPort"));
        if (!node.isObject()) {
            return Optional.empty();
        }
        Optional<ProtocolMatch> protocol = protocol(fields, path + ".protocol", node.get("protocol"));
        JsonNode port = node.get("port");
        Optional<Integer> endPort = fields.integer(path + ".endPort", node.get("endPort"), 1, 65535);
        if (protocol.isEmpty()) {
            return Optional.empty();
        }
        if (!ManifestFields.present(port)) {
            if (endPort.isPresent()) {
                fields.problem(path + ".endPort", "is set without a port", "set port, the start of the range");
            }
            return Optional.of(new Port(origin, protocol.get(), List.of()));
        }
        if (port.isString()) {
            return named(fields, path, port.asString(), endPort.isPresent())
                    .map(named -> new Port(origin, protocol.get(), List.of(named)));
        }
        Optional<Integer> first = fields.integer(path + ".port", port, 1, 65535);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (endPort.isPresent() && endPort.get() < first.get()) {
            fields.problem(path + ".endPort", "is below port " + first.get() + ": " + endPort.get(),
                    "set endPort >= port");
            return Optional.empty();
        }
        return Optional.of(new Port(origin, protocol.get(), List.of(new PortMatch.Range(first.get(),
                endPort.orElse(first.get())))));
    }

    /** TCP (the default), UDP or SCTP. */
    private static Optional<ProtocolMatch> protocol(ManifestFields fields, String path, JsonNode node) {
        String text = fields.string(path, node).orElse("TCP");
        int number = switch (text) {
            case "TCP" -> ProtocolMatch.TCP;
            case "UDP" -> ProtocolMatch.UDP;
            case "SCTP" -> ProtocolMatch.SCTP;
            default -> 0;
        };
        if (number == 0) {
            fields.problem(path, "is not TCP, UDP or SCTP: '" + text + "'", "use TCP, UDP or SCTP");
            return Optional.empty();
        }
        return Optional.of(new ProtocolMatch(number, text));
    }

    /** A named port: an IANA_SVC_NAME, never with endPort. */
    private static Optional<PortMatch> named(ManifestFields fields, String path, String name, boolean endPort) {
        if (name.length() > 15 || !SERVICE_NAME.matcher(name).matches() || name.contains("--")
                || !name.matches(".*[a-z].*")) {
            fields.problem(path + ".port", "is not a valid port name (IANA_SVC_NAME): '" + name + "'",
                    "use 1-15 lowercase letters, digits and single dashes, with at least one letter");
            return Optional.empty();
        }
        if (endPort) {
            fields.problem(path + ".endPort", "is set with a named port", "use a numeric port with endPort");
            return Optional.empty();
        }
        return Optional.of(new PortMatch.Named(name));
    }
}
