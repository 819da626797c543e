package dev.kordon.simulator.generic;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.LabelSelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Parses the subject and the rules of a cluster-wide policy, strictly, in one {@link Dialect}. */
final class TieredRules {

    private static final Pattern DOMAIN_NAME = Pattern.compile("^(\\*\\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.)+"
            + "[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.?$");
    private static final int MAX_NAME = 100;
    private static final int MAX_LIST = 25;

    private final Dialect dialect;
    private final ManifestFields fields;

    TieredRules(Dialect dialect, ManifestFields fields) {
        this.dialect = dialect;
        this.fields = fields;
    }

    /** {@code spec.subject}: exactly one of namespaces and pods; empty when invalid (and reported). */
    Optional<Subject> subject(JsonNode node) {
        String path = "spec.subject";
        if (!fields.required(path, node) || !fields.map(path, node)) {
            return Optional.empty();
        }
        fields.known(path, node, Set.copyOf(Dialect.SUBJECT));
        Optional<Peer> selected = fields.exactlyOne(path, node, Dialect.SUBJECT)
                .map(field -> selectorPeer(path, node, field));
        if (selected.isPresent() && selected.get() instanceof Peer.Pods pods
                && pods.namespaces() instanceof Peer.SelectedNamespaces namespaces) {
            return Optional.of(new Subject(namespaces.selector(), pods.pods(), pods.text()));
        }
        return Optional.empty();
    }

    /** The rules of a direction, in order; an absent list is empty (no effect on that direction). */
    List<TieredPolicy.Rule> rules(JsonNode spec, Direction direction) {
        String path = "spec." + direction.rulesField();
        List<JsonNode> items = fields.list(path, spec.path(direction.rulesField()), 0, dialect.maxRules());
        List<TieredPolicy.Rule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rules.add(rule(path + "[" + i + "]", i, items.get(i), direction));
        }
        return rules;
    }

    private TieredPolicy.Rule rule(String path, int index, JsonNode node, Direction direction) {
        if (!fields.map(path, node)) {
            fields.required(path, node);
            return new TieredPolicy.Rule(index, "", Action.DENY, "(invalid)", List.of(), List.of());
        }
        fields.known(path, node, Set.of("name", "action", direction.peersField(), dialect.portsField()));
        String name = fields.string(path + ".name", node.path("name")).orElse("");
        if (name.length() > MAX_NAME) {
            fields.problem(path + ".name", "is longer than " + MAX_NAME + " characters", "shorten it");
        }
        String written = action(path + ".action", node.path("action"));
        Action action = dialect.actions().getOrDefault(written, Action.DENY);
        List<Peer> peers = peers(path + "." + direction.peersField(), node.path(direction.peersField()), direction);
        List<PortMatch> ports = ports(path + "." + dialect.portsField(), node.path(dialect.portsField()));
        checkCombinations(path, direction, dialect.actions().containsKey(written) ? Optional.of(action)
                : Optional.empty(), peers, ports);
        return new TieredPolicy.Rule(index, name, action, written, peers, ports);
    }

    private String action(String path, JsonNode node) {
        if (!fields.required(path, node, "use one of " + String.join(", ", dialect.actionNames()))) {
            return "(missing)";
        }
        Optional<String> written = fields.string(path, node);
        if (written.isPresent() && !dialect.actions().containsKey(written.get())) {
            fields.problem(path, "is not a known action: '" + written.get() + "'", "use one of "
                    + String.join(", ", dialect.actionNames()));
            return "(" + written.get() + ")";
        }
        return written.orElse("(invalid)");
    }

    private void checkCombinations(String path, Direction direction, Optional<Action> action, List<Peer> peers,
            List<PortMatch> ports) {
        boolean named = ports.stream().anyMatch(port -> port instanceof PortMatch.Named);
        boolean addresses = peers.stream().anyMatch(p -> !(p instanceof Peer.Pods) && !(p instanceof Peer.FailClosed));
        if (direction == Direction.EGRESS && named && addresses) {
            fields.problem(path + "." + dialect.portsField(), "names a port, but the rule has a networks, nodes or"
                    + " domainNames peer, which has no named ports", "write port numbers, or move those peers to a"
                    + " rule of their own");
        }
        boolean domains = peers.stream().anyMatch(peer -> peer instanceof Peer.DomainNames);
        if (domains && action.isPresent() && action.get() != Action.ACCEPT) {
            fields.problem(path + ".action", "is not " + acceptWord() + ", but the rule has a domainNames peer:"
                    + " domain names are supported only in " + acceptWord() + " rules", "allow the domains, and deny"
                    + " the rest in a rule or policy of lower precedence");
        }
    }

    private String acceptWord() {
        return dialect.actions().entrySet().stream().filter(e -> e.getValue() == Action.ACCEPT)
                .map(Map.Entry::getKey).findFirst().orElse("Accept");
    }

    private List<Peer> peers(String path, JsonNode node, Direction direction) {
        if (!fields.required(path, node, "list at least one peer: the " + direction + " rule must say which "
                + direction.peerRole() + "s it applies to")) {
            return List.of();
        }
        List<JsonNode> items = fields.list(path, node, 1, dialect.maxPerRule());
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            peers.add(peer(path + "[" + i + "]", items.get(i), dialect.peers(direction)));
        }
        return peers;
    }

    private Peer peer(String path, JsonNode node, List<String> allowed) {
        if (!fields.map(path, node)) {
            fields.required(path, node);
            return new Peer.FailClosed("(empty peer)");
        }
        Set<String> known = new HashSet<>(allowed);
        known.addAll(dialect.egressPeers());
        fields.known(path, node, known);
        List<String> egressOnly = dialect.egressPeers().stream().filter(f -> !allowed.contains(f) && node.has(f))
                .toList();
        egressOnly.forEach(f -> fields.problem(path + "." + f, "is a peer of egress rules only", "select sources"
                + " by namespaces or pods"));
        if (!egressOnly.isEmpty() && allowed.stream().noneMatch(node::has)) {
            return new Peer.FailClosed(node.toString());
        }
        Optional<String> field = fields.exactlyOne(path, node, allowed);
        if (field.isEmpty()) {
            return new Peer.FailClosed(node.toString());
        }
        return switch (field.get()) {
            case "networks" -> networks(path + ".networks", node.path("networks"));
            case "nodes" -> fields.selector(path + ".nodes", node.path("nodes"))
                    .<Peer>map(selector -> new Peer.Nodes(selector, "nodes " + selector))
                    .orElse(new Peer.FailClosed("(invalid nodes)"));
            case "domainNames" -> domainNames(path + ".domainNames", node.path("domainNames"));
            default -> selectorPeer(path, node, field.get());
        };
    }

    private Peer selectorPeer(String path, JsonNode node, String field) {
        String at = path + "." + field;
        if (field.equals("namespaces")) {
            return fields.selector(at, node.path(field)).<Peer>map(selector -> new Peer.Pods(
                    new Peer.SelectedNamespaces(selector), LabelSelector.matchingAll(), "namespaces " + selector))
                    .orElse(new Peer.FailClosed("(invalid namespaces)"));
        }
        JsonNode pods = node.path(field);
        if (!fields.map(at, pods)) {
            return new Peer.FailClosed("(invalid pods)");
        }
        fields.known(at, pods, Set.of("namespaceSelector", "podSelector"));
        boolean podsPresent = fields.required(at + ".podSelector", pods.path("podSelector"));
        boolean namespacesPresent = !dialect.podsNeedNamespaceSelector()
                || fields.required(at + ".namespaceSelector", pods.path("namespaceSelector"));
        Optional<LabelSelector> podSelector = fields.selector(at + ".podSelector", pods.path("podSelector"));
        Optional<LabelSelector> namespaceSelector = ManifestFields.absent(pods.path("namespaceSelector"))
                ? Optional.of(LabelSelector.matchingAll())
                : fields.selector(at + ".namespaceSelector", pods.path("namespaceSelector"));
        if (!podsPresent || !namespacesPresent || podSelector.isEmpty() || namespaceSelector.isEmpty()) {
            return new Peer.FailClosed("(invalid pods)");
        }
        return new Peer.Pods(new Peer.SelectedNamespaces(namespaceSelector.get()), podSelector.get(),
                "pods {namespaceSelector " + namespaceSelector.get() + ", podSelector " + podSelector.get() + "}");
    }

    private Peer networks(String path, JsonNode node) {
        List<Cidr> cidrs = new ArrayList<>();
        List<JsonNode> items = fields.list(path, node, 1, MAX_LIST);
        for (int i = 0; i < items.size(); i++) {
            fields.cidr(path + "[" + i + "]", items.get(i)).ifPresent(cidrs::add);
        }
        if (cidrs.size() != items.size() || cidrs.isEmpty()) {
            return new Peer.FailClosed("(invalid networks)");
        }
        return new Peer.Addresses(cidrs, List.of(), "networks "
                + cidrs.stream().map(Cidr::toString).collect(Collectors.joining(", ", "[", "]")));
    }

    private Peer domainNames(String path, JsonNode node) {
        List<String> names = new ArrayList<>();
        List<JsonNode> items = fields.list(path, node, 1, MAX_LIST);
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            fields.string(at, items.get(i)).ifPresent(name -> {
                if (DOMAIN_NAME.matcher(name).matches()) {
                    names.add(name);
                } else {
                    fields.problem(at, "is not a domain name: '" + name + "'", "write a DNS name such as"
                            + " api.example.com, or *.example.com for its subdomains");
                }
            });
        }
        if (names.size() != items.size() || names.isEmpty()) {
            return new Peer.FailClosed("(invalid domainNames)");
        }
        return new Peer.DomainNames(names, "domainNames " + names);
    }

    private List<PortMatch> ports(String path, JsonNode node) {
        if (ManifestFields.absent(node)) {
            return List.of();
        }
        List<JsonNode> items = fields.list(path, node, 1, dialect.maxPerRule());
        List<PortMatch> ports = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ports.addAll(dialect.ports().read(fields, path + "[" + i + "]", items.get(i)));
        }
        return ports;
    }
}
