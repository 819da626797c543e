package dev.kordon.codegen.importer;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Protocol;
import dev.kordon.dsl.ServiceAccountRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The peers and ports of one Calico rule, as the DSL says them. The peer is the rule's {@code source} on ingress and
 * its {@code destination} on egress; the ports are the {@code destination.ports}. Whatever narrows the rule in a way
 * the DSL cannot say (negations, source ports, the policy's own side, services, service-account selectors, ICMP,
 * HTTP, IP versions) is {@link NotExpressible}.
 *
 * @param namespace the namespace of a NetworkPolicy, or empty for a GlobalNetworkPolicy
 */
record CalicoRules(String namespace) {

    private static final Set<String> RULE_FIELDS = Set.of("action", "protocol", "source", "destination", "metadata");
    private static final Set<String> PEER_FIELDS = Set.of("selector", "namespaceSelector", "nets", "notNets",
            "serviceAccounts", "ports");
    private static final String BY_HAND = "declare what this policy does with the DSL by hand (docs/dsl.md), or keep"
            + " applying it beside the generated manifests";

    /** Collects each field of a rule other than the ones the DSL can say. */
    void checkFields(String path, JsonNode rule, boolean ingress, Unexpressed missing) {
        for (String field : rule.propertyNames()) {
            if (field.equals("http")) {
                missing.add(new NotExpressible(path + ".http", "is not imported: Calico enforces http only under"
                        + " Application Layer Policy (without it the rule matches every request), and its prefix"
                        + " matching differs by version (any text before 3.31.7, whole segments since), so no HTTP"
                        + " rule of the DSL says it exactly on every cluster", "declare the HTTP rule with the DSL by"
                        + " hand (GET(\"/api/*\"), …) with the meaning of your Calico version, or keep applying the"
                        + " policy beside the generated manifests"));
            } else if (!RULE_FIELDS.contains(field)) {
                missing.add(new NotExpressible(path + "." + field, "is not imported: the rule field " + field
                        + " (ICMP, IP version, negated protocol) has no DSL form", BY_HAND));
            }
        }
        String own = ingress ? "destination" : "source";
        for (String field : rule.path(own).propertyNames()) {
            if (!(ingress && field.equals("ports"))) {
                missing.add(new NotExpressible(path + "." + own + "." + field, "is not imported: " + own + "." + field
                        + (field.equals("ports") ? " matches source ports, which the DSL does not say"
                        : " narrows the policy's own endpoints rule by rule, which the DSL does not say"), BY_HAND));
            }
        }
        String other = ingress ? "source" : "destination";
        for (String field : rule.path(other).propertyNames()) {
            if (!PEER_FIELDS.contains(field) || ingress && field.equals("ports")) {
                missing.add(new NotExpressible(path + "." + other + "." + field, "is not imported: " + other + "."
                        + field + (field.equals("ports") ? " matches source ports" : "") + " has no DSL form",
                        BY_HAND));
            }
        }
    }

    /** The peers of a rule: {@code anywhere()} when it names none. */
    List<Peer> peers(String path, JsonNode entity) throws NotExpressible {
        boolean selects = written(entity, "selector") || written(entity, "namespaceSelector")
                || entity.has("serviceAccounts");
        if (entity.has("nets") || entity.has("notNets")) {
            if (selects || !entity.has("nets")) {
                throw new NotExpressible(path, "is not imported: nets or notNets together with selectors, or notNets"
                        + " alone, match an intersection or complement that the DSL does not say", BY_HAND);
            }
            return nets(path, entity);
        }
        if (entity.has("serviceAccounts")) {
            return serviceAccounts(path, entity);
        }
        if (!selects) {
            return List.of(Entity.ANYWHERE);
        }
        NamespaceScope scope = written(entity, "namespaceSelector")
                ? CalicoSelectors.namespaces(path + ".namespaceSelector", entity.path("namespaceSelector").asString(""))
                : own();
        List<Peer> peers = new ArrayList<>();
        for (LabelSelector selector : CalicoSelectors.alternatives(path + ".selector",
                entity.path("selector").asString(""))) {
            peers.add(new Pods(scope, ImportedSelectors.byName(CalicoSelectors.pods(path + ".selector", selector))));
        }
        return peers;
    }

    /** Whether a selector field is set: Calico reads an empty selector of a rule as none (any peer), not all(). */
    static boolean written(JsonNode entity, String field) {
        return !entity.path(field).asString("").isBlank();
    }

    /** A rule's pods without a {@code namespaceSelector}: the policy's namespace, or every one for a global policy. */
    NamespaceScope own() {
        return namespace.isEmpty() ? new NamespaceScope.All() : new NamespaceScope.Named(List.of(namespace));
    }

    private static List<Peer> nets(String path, JsonNode entity) throws NotExpressible {
        List<Cidr> excepts = new ArrayList<>();
        entity.path("notNets").forEach(cidr -> excepts.add(Cidr.of(cidr.asString(""))));
        List<Peer> peers = new ArrayList<>();
        for (JsonNode net : entity.path("nets")) {
            Cidr cidr = Cidr.of(net.asString(""));
            List<Cidr> inside = new ArrayList<>();
            for (Cidr except : excepts) {
                if (cidr.contains(except) && !except.equals(cidr)) {
                    inside.add(except);
                } else if (cidr.overlaps(except)) {
                    throw new NotExpressible(path + ".notNets", "is not imported: " + except + " is not inside "
                            + cidr + ", so no except() of the DSL says it", BY_HAND);
                }
            }
            peers.add(new IpBlock(cidr, inside));
        }
        return peers;
    }

    /** {@code serviceAccounts.names} in the policy's namespace, or in one namespace named by the rule. */
    private List<Peer> serviceAccounts(String path, JsonNode entity) throws NotExpressible {
        JsonNode accounts = entity.path("serviceAccounts");
        if (accounts.has("selector") || !accounts.has("names")) {
            throw new NotExpressible(path + ".serviceAccounts.selector", "is not imported: a service-account"
                    + " selector selects by the labels of ServiceAccounts, which the DSL does not model", BY_HAND);
        }
        if (entity.has("selector") && !CalicoSelectors.alternatives(path + ".selector",
                entity.path("selector").asString("")).equals(List.of(LabelSelector.matchingAll()))) {
            throw new NotExpressible(path + ".selector", "is not imported: a service account together with pod"
                    + " labels has no DSL form", BY_HAND);
        }
        NamespaceScope scope = written(entity, "namespaceSelector") ? CalicoSelectors.namespaces(path
                + ".namespaceSelector", entity.path("namespaceSelector").asString("")) : own();
        if (!(scope instanceof NamespaceScope.Named named) || named.names().size() != 1) {
            throw new NotExpressible(path + ".serviceAccounts", "is not imported: service accounts of more than one"
                    + " namespace have no DSL form (a service account is named in its namespace)", BY_HAND);
        }
        List<Peer> peers = new ArrayList<>();
        for (JsonNode name : accounts.path("names")) {
            peers.add(new ServiceAccountRef(named.names().get(0), name.asString("")));
        }
        return peers;
    }

    /**
     * The ports of a rule: {@code destination.ports} with its {@code protocol}; a named port without a protocol is
     * the name with every protocol; a protocol without ports is all its ports; neither is any traffic.
     */
    static List<PortMatch> ports(String path, JsonNode rule) throws NotExpressible {
        JsonNode written = rule.path("protocol");
        List<Protocol> protocols;
        if (written.isMissingNode() || written.isNull()) {
            protocols = List.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP);
        } else if (written.isString() && Set.of("TCP", "UDP", "SCTP").contains(written.stringValue())) {
            protocols = List.of(Protocol.valueOf(written.stringValue()));
        } else {
            throw new NotExpressible(path + ".protocol", "is not imported: protocol " + written.asString("")
                    + " (ICMP, UDPLite, a number) has no DSL form; the DSL says TCP, UDP and SCTP", BY_HAND);
        }
        JsonNode entries = rule.path("destination").path("ports");
        List<PortMatch> ports = new ArrayList<>();
        if (entries.isEmpty()) {
            if (protocols.size() == 1) {
                ports.add(new AllPorts(protocols.get(0)));
            } else {
                ports.add(new AnyTraffic());
            }
            return ports;
        }
        for (JsonNode entry : entries) {
            String text = entry.isNumber() ? String.valueOf(entry.intValue()) : entry.asString("");
            for (Protocol protocol : protocols) {
                ports.add(port(protocol, text));
            }
        }
        return ports;
    }

    private static PortMatch port(Protocol protocol, String text) {
        if (text.matches("[0-9]+")) {
            return new PortNumber(protocol, Integer.parseInt(text));
        }
        if (text.matches("[0-9]+:[0-9]+")) {
            int first = Integer.parseInt(text.substring(0, text.indexOf(':')));
            int last = Integer.parseInt(text.substring(text.indexOf(':') + 1));
            return first == 1 && last == 65535 ? new AllPorts(protocol)
                    : first == last ? new PortNumber(protocol, first) : new PortRange(protocol, first, last);
        }
        return new NamedPort(protocol, text);
    }
}
