package dev.kordon.codegen.importer;

import static dev.kordon.dsl.Kordon.guardrail;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.Names;
import dev.kordon.dsl.Nodes;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Problem;
import dev.kordon.dsl.Protocol;
import dev.kordon.dsl.Steps;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Imports the cluster-wide policies of the network-policy-api into the {@code cluster} policy set:
 * {@code v1alpha2} ClusterNetworkPolicy ({@link #CLUSTER_NETWORK_POLICY}) and the legacy {@code v1alpha1}
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy ({@link #ADMIN_NETWORK_POLICY}), which differ only in how they
 * write tiers, actions and ports ({@link Dialect}). Each
 * rule becomes one guardrail of the policy's tier, named {@code <policy>-<ingress|egress>-<index>}, enforced at the
 * subject's side. The DSL orders guardrails by priority alone, so the order of a policy's rules becomes priority
 * order: rule {@code i} of a policy of priority {@code p} gets priority {@code base(p) + i}, where the bases keep the
 * policies' order and stay as close to their written priorities as the rules before them allow (see
 * {@link Priorities}). A renumbered rule is noted; a tier that needs more than 1001 priorities is not imported.
 */
final class TieredPolicyImport implements PolicyImport {

    private static final String GROUP = "policy.networking.k8s.io/";

    /** ClusterNetworkPolicy: {@code spec.tier}, {@code Accept}, {@code protocols}. */
    static final TieredPolicyImport CLUSTER_NETWORK_POLICY = new TieredPolicyImport(new Dialect(
            Set.of(GROUP + "v1alpha2/ClusterNetworkPolicy"),
            manifest -> manifest.body().path("spec").path("tier").asString(""), "Accept", "protocols",
            TieredPolicyImport::protocols));

    /**
     * AdminNetworkPolicy (the Admin tier) and BaselineAdminNetworkPolicy (the Baseline tier, without a priority:
     * 0), {@code Allow}, {@code ports}.
     */
    static final TieredPolicyImport ADMIN_NETWORK_POLICY = new TieredPolicyImport(new Dialect(
            Set.of(GROUP + "v1alpha1/AdminNetworkPolicy", GROUP + "v1alpha1/BaselineAdminNetworkPolicy"),
            manifest -> manifest.kind().equals("AdminNetworkPolicy") ? "Admin" : "Baseline", "Allow", "ports",
            TieredPolicyImport::ports));

    /**
     * How one API writes what the tiered model shares.
     *
     * @param types      the {@code apiVersion/kind} types
     * @param tier       a policy's tier, {@code Admin} or {@code Baseline}
     * @param allow      the action that allows
     * @param portsField the rule field that lists ports
     * @param ports      the ports of one entry of that field
     */
    record Dialect(Set<String> types, Function<Manifest, String> tier, String allow, String portsField,
            Function<JsonNode, List<PortMatch>> ports) {
    }

    private final Dialect dialect;

    private TieredPolicyImport(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Set<String> types() {
        return dialect.types();
    }

    @Override
    public EnforcementProfile profile() {
        return EnforcementProfile.generic();
    }

    @Override
    public List<Imported> intents(List<Manifest> manifests, String defaultNamespace, Problems notImported,
            Problems notes) {
        List<Imported> imported = new ArrayList<>();
        for (String tier : List.of("Admin", "Baseline")) {
            List<Imported> inTierImported = new ArrayList<>();
            List<Manifest> inTier = manifests.stream().filter(m -> tier(m).equals(tier))
                    .sorted(Comparator.comparing(TieredPolicyImport::priority).thenComparing(Manifest::name))
                    .toList();
            Priorities priorities = Priorities.of(inTier.stream().map(m -> new Priorities.Policy(priority(m),
                    Math.max(rules(m, "ingress").size(), rules(m, "egress").size()))).toList());
            for (int p = 0; p < inTier.size(); p++) {
                Manifest manifest = inTier.get(p);
                if (priorities.base(p) + priorities.rules(p) - 1 > Priorities.MAX) {
                    notImported.add(manifest, "spec.priority", "is not imported: keeping the order of the rules of"
                            + " the " + tier + " tier needs priorities above " + Priorities.MAX + ", which the DSL"
                            + " does not have", "merge or shorten policies of this tier, then import again");
                    continue;
                }
                inTierImported.addAll(policy(manifest, priorities.base(p), notes));
            }
            imported.addAll(withoutTies(inTierImported, notImported));
        }
        return imported;
    }

    /**
     * The intents, without those of a policy that ties with an earlier one (by name) of its tier: same written
     * priority, rules at any positions that can match the same traffic with different actions. The API leaves their
     * order undefined (the simulator calls such a flow ambiguous); renumbering would pick one order silently, so the
     * later policy is reported and left out whole. (Rules at the same position the DSL's own validation refuses.)
     */
    private static List<Imported> withoutTies(List<Imported> imported, Problems notImported) {
        java.util.Set<Manifest> refused = new java.util.HashSet<>();
        for (int i = 0; i < imported.size(); i++) {
            for (int j = i + 1; j < imported.size(); j++) {
                Imported a = imported.get(i);
                Imported b = imported.get(j);
                if (a.manifest() == b.manifest() || refused.contains(a.manifest()) || refused.contains(b.manifest())
                        || priority(a.manifest()) != priority(b.manifest())
                        || ((Connection) a.intent()).priority() == ((Connection) b.intent()).priority()) {
                    continue; // one policy's rules are ordered; at the same position the DSL judges the tie
                }
                Optional<String> tie = tie((Connection) a.intent(), (Connection) b.intent(),
                        priority(a.manifest()));
                if (tie.isPresent()) {
                    refused.add(b.manifest());
                    notImported.add(b.manifest(), "spec.priority", "is not imported: its rule " + b.intent().name()
                            + " (" + action(b) + ") and rule " + a.intent().name() + " (" + action(a) + ") of "
                            + a.manifest().describe() + " " + tie.get(),
                            "give one of the two policies another priority (lower is evaluated first), or narrow"
                            + " the rules so that they cannot match the same traffic");
                }
            }
        }
        return imported.stream().filter(each -> !refused.contains(each.manifest())).toList();
    }

    /** How two rules of policies of one priority conflict, as the DSL judges two intents of one priority. */
    private static Optional<String> tie(Connection a, Connection b, int priority) {
        if (a.action() == b.action() || a.action() == Action.AUDIT || b.action() == Action.AUDIT) {
            return Optional.empty();
        }
        List<Intent> both = List.of(at(a, priority, "a"), at(b, priority, "b"));
        return Kordon.policySet("ties").intents(both).buildUnvalidated().validate().problems().stream()
                .map(Problem::message).filter(message -> message.contains("have the same tier and priority"))
                .findFirst().map(message -> "have the same priority " + priority + ", can match the same traffic"
                        + " and act differently, so which one applies is undefined");
    }

    private static String action(Imported imported) {
        return ((Connection) imported.intent()).action().toString();
    }

    private static Connection at(Connection rule, int priority, String name) {
        return new Connection(name, rule.tier(), priority, rule.action(), rule.sources(), rule.destinations(),
                rule.ports(), rule.http(), rule.conditions(), rule.enforcedAt(), rule.origin());
    }

    private String tier(Manifest manifest) {
        return dialect.tier().apply(manifest);
    }

    private static int priority(Manifest manifest) {
        return manifest.body().path("spec").path("priority").asInt(0);
    }

    private static List<JsonNode> rules(Manifest manifest, String direction) {
        List<JsonNode> rules = new ArrayList<>();
        manifest.body().path("spec").path(direction).forEach(rules::add);
        return rules;
    }

    private List<Imported> policy(Manifest manifest, int base, Problems notes) {
        JsonNode spec = manifest.body().path("spec");
        Problems unexpected = new Problems();
        Pods subject = subject(manifest, spec.path("subject"), unexpected);
        boolean admin = tier(manifest).equals("Admin");
        List<Imported> imported = new ArrayList<>();
        for (String direction : List.of("ingress", "egress")) {
            List<JsonNode> rules = rules(manifest, direction);
            for (int i = 0; i < rules.size(); i++) {
                String path = "spec." + direction + "[" + i + "]";
                int priority = base + i;
                if (priority != priority(manifest)) {
                    notes.add(manifest, path, "has priority " + priority + " in the DSL (the policy's is "
                            + priority(manifest) + "): the DSL orders guardrails by priority alone, so rule order"
                            + " within a policy becomes priority order", "nothing to do, unless policies of the "
                            + tier(manifest) + " tier outside this import have priorities between "
                            + priority(manifest) + " and "
                            + priority + ": import them together");
                }
                JsonNode rule = rules.get(i);
                String name = Names.dns1123Label(manifest.name() + "-" + direction + "-" + i);
                Steps.GuardrailAction step = admin ? guardrail(name).admin(priority) : guardrail(name)
                        .baseline(priority);
                String written = rule.path("action").asString("");
                Steps.GuardrailDirection action = written.equals(dialect.allow()) ? step.allow()
                        : written.equals("Pass") ? step.pass() : step.deny();
                imported.add(new Imported(Importer.CLUSTER_SET, manifest, rule(manifest, path, rule, direction,
                        action, subject, unexpected, notes)));
            }
        }
        unexpected.throwIfAny(); // the simulator accepted the object, so its fields read here are valid
        return imported;
    }

    /** {@code spec.subject}: exactly one of {@code namespaces} and {@code pods}. */
    private static Pods subject(Manifest manifest, JsonNode subject, Problems problems) {
        if (subject.has("namespaces")) {
            return new Pods(ImportedSelectors.scope(ImportedSelectors.read(manifest, "spec.subject.namespaces",
                    subject.path("namespaces"), problems)), LabelSelector.matchingAll());
        }
        return pods(manifest, "spec.subject.pods", subject.path("pods"), problems);
    }

    private static Pods pods(Manifest manifest, String path, JsonNode pods, Problems problems) {
        LabelSelector namespaces = pods.path("namespaceSelector").isObject()
                ? ImportedSelectors.read(manifest, path + ".namespaceSelector", pods.path("namespaceSelector"),
                problems) : LabelSelector.matchingAll();
        return new Pods(ImportedSelectors.scope(namespaces), ImportedSelectors.read(manifest, path + ".podSelector",
                pods.path("podSelector"), problems));
    }

    private Connection rule(Manifest manifest, String path, JsonNode rule, String direction,
            Steps.GuardrailDirection action, Pods subject, Problems problems, Problems notes) {
        boolean ingress = direction.equals("ingress");
        String peersField = ingress ? "from" : "to";
        List<Peer> peers = new ArrayList<>();
        JsonNode items = rule.path(peersField);
        for (int i = 0; i < items.size(); i++) {
            peers.addAll(peer(manifest, path + "." + peersField + "[" + i + "]", items.get(i), problems, notes));
        }
        List<PortMatch> ports = new ArrayList<>();
        rule.path(dialect.portsField()).forEach(entry -> ports.addAll(dialect.ports().apply(entry)));
        if (ports.isEmpty()) {
            ports.add(new AnyTraffic());
        }
        Peer[] morePeers = FirstAndMore.morePeers(peers);
        PortMatch[] morePorts = FirstAndMore.morePorts(ports);
        return ingress ? action.ingressTo(subject).from(peers.get(0), morePeers).on(ports.get(0), morePorts)
                : action.egressFrom(subject).to(peers.get(0), morePeers).on(ports.get(0), morePorts);
    }

    private static List<Peer> peer(Manifest manifest, String path, JsonNode node, Problems problems,
            Problems notes) {
        if (node.has("namespaces")) {
            return List.of(new Pods(ImportedSelectors.scope(ImportedSelectors.read(manifest, path + ".namespaces",
                    node.path("namespaces"), problems)), LabelSelector.matchingAll()));
        }
        if (node.has("pods")) {
            return List.of(pods(manifest, path + ".pods", node.path("pods"), problems));
        }
        if (node.has("nodes")) {
            return List.of(new Nodes(ImportedSelectors.read(manifest, path + ".nodes", node.path("nodes"), problems)));
        }
        List<Peer> peers = new ArrayList<>();
        JsonNode networks = node.path("networks");
        for (int i = 0; i < networks.size(); i++) {
            Cidr written = Cidr.of(networks.get(i).asString(""));
            Cidr network = written.masked();
            if (!network.equals(written)) {
                notes.add(manifest, path + ".networks[" + i + "]", "is " + written + ", with bits set after its prefix:"
                        + " the API matches the network " + network + ", which the DSL writes so", "write "
                        + network + " in the policy too");
            }
            peers.add(new IpBlock(network, List.of()));
        }
        node.path("domainNames").forEach(name -> peers.add(new DnsName(name.asString(""))));
        return peers;
    }

    /**
     * A named port has no protocol in these APIs: it matches the name with whatever protocol the destination
     * declares, which is the three named ports of the DSL together.
     */
    private static List<PortMatch> named(String name) {
        return List.of(new NamedPort(Protocol.TCP, name), new NamedPort(Protocol.UDP, name),
                new NamedPort(Protocol.SCTP, name));
    }

    /** A port range of a protocol; 1-65535 is every port of it. */
    private static PortMatch range(Protocol protocol, int start, int end) {
        return start == 1 && end == 65535 ? new AllPorts(protocol) : new PortRange(protocol, start, end);
    }

    /** One ClusterNetworkPolicy {@code protocols} entry. */
    private static List<PortMatch> protocols(JsonNode protocol) {
        if (protocol.has("destinationNamedPort")) {
            return named(protocol.path("destinationNamedPort").asString(""));
        }
        for (Protocol each : Protocol.values()) {
            JsonNode port = protocol.path(each.name().toLowerCase(Locale.ROOT)).path("destinationPort");
            if (port.has("number")) {
                return List.of(new PortNumber(each, port.path("number").asInt()));
            }
            if (port.has("range")) {
                return List.of(range(each, port.path("range").path("start").asInt(),
                        port.path("range").path("end").asInt()));
            }
        }
        throw new IllegalStateException("a protocols entry the simulator accepted has no port: " + protocol);
    }

    /** One AdminNetworkPolicy {@code ports} entry: a portNumber, a namedPort or a portRange (protocol TCP if unset). */
    private static List<PortMatch> ports(JsonNode entry) {
        if (entry.has("namedPort")) {
            return named(entry.path("namedPort").asString(""));
        }
        JsonNode number = entry.path("portNumber");
        if (number.isObject()) {
            return List.of(new PortNumber(Protocol.valueOf(number.path("protocol").asString("TCP")),
                    number.path("port").asInt()));
        }
        JsonNode range = entry.path("portRange");
        return List.of(range(Protocol.valueOf(range.path("protocol").asString("TCP")), range.path("start").asInt(),
                range.path("end").asInt()));
    }

    /**
     * The DSL priorities of the policies of one tier, in policy order: each policy gets a block of consecutive
     * priorities, one per rule position, starting at its written priority or just after the block before it,
     * whichever is higher; policies of the same written priority share their block, as they share their priority.
     */
    record Priorities(List<Integer> bases, List<Integer> sizes) {

        /** The highest priority of the DSL (and of ClusterNetworkPolicy). */
        static final int MAX = 1000;

        /** A policy: its written priority and how many rules its longer direction has. */
        record Policy(int priority, int rules) {
        }

        static Priorities of(List<Policy> policies) {
            SortedMap<Integer, Integer> blockSize = new TreeMap<>();
            policies.forEach(policy -> blockSize.merge(policy.priority(), Math.max(1, policy.rules()), Math::max));
            SortedMap<Integer, Integer> blockBase = new TreeMap<>();
            int next = 0;
            for (var block : blockSize.entrySet()) {
                int base = Math.max(block.getKey(), next);
                blockBase.put(block.getKey(), base);
                next = base + block.getValue();
            }
            return new Priorities(policies.stream().map(policy -> blockBase.get(policy.priority())).toList(),
                    policies.stream().map(policy -> blockSize.get(policy.priority())).toList());
        }

        int base(int policy) {
            return bases.get(policy);
        }

        int rules(int policy) {
            return sizes.get(policy);
        }
    }
}
