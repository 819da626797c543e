package dev.kordon.generators;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Condition;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Nodes;
import dev.kordon.dsl.PathPattern;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Protocol;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Tier;
import dev.kordon.dsl.Workload;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One thing an intent can say, as far as a target's ability to express it goes. {@link #of(PolicySet, Intent)} lists
 * the features an intent uses; each backend declares its {@link Support} for every feature in its
 * {@link Capabilities}, and the capability matrix in {@code docs/backends.md} is printed from those declarations.
 */
public enum Feature {
    APPLICATION_ALLOW("application-tier allow"),
    APPLICATION_DENY("application-tier deny"),
    APPLICATION_AUDIT("application-tier audit"),
    ISOLATION("isolation (default deny)"),
    ADMIN_ALLOW("admin guardrail: allow"),
    ADMIN_DENY("admin guardrail: deny"),
    ADMIN_PASS("admin guardrail: pass"),
    ADMIN_AUDIT("admin guardrail: audit"),
    BASELINE_ALLOW("baseline guardrail: allow"),
    BASELINE_DENY("baseline guardrail: deny"),
    BASELINE_PASS("baseline guardrail: pass"),
    BASELINE_AUDIT("baseline guardrail: audit"),
    INGRESS("enforced at ingress"),
    EGRESS("enforced at egress"),
    SUBJECT_IN_NAMED_NAMESPACES("pods of namespaces given by name as the subject"),
    SUBJECT_IN_LABELLED_NAMESPACES("pods of namespaces selected by labels as the subject"),
    SUBJECT_IN_ALL_NAMESPACES("pods of every namespace as the subject"),
    SUBJECT_SERVICE_ACCOUNT("a service account as the subject"),
    PEER_PODS("pods by namespace and labels (workloads, namespaces)"),
    PEER_PODS_IN_LABELLED_NAMESPACES("pods of namespaces selected by labels"),
    PEER_SERVICE_ACCOUNT("a service account as the peer"),
    PEER_NODES("nodes"),
    PEER_KUBE_APISERVER("the Kubernetes API server"),
    PEER_WORLD("the world (outside the cluster)"),
    PEER_ANYWHERE("anywhere"),
    PEER_CIDR("CIDR blocks"),
    PEER_CIDR_EXCEPT("CIDR blocks with exceptions"),
    PEER_DNS_NAME("DNS names"),
    PEER_DNS_WILDCARD("DNS names with a wildcard"),
    PORT_NUMBER("a port"),
    PORT_RANGE("a port range"),
    PORT_NAMED("a named container port"),
    PORT_ALL_OF_PROTOCOL("every port of a protocol"),
    PORT_ANY_TRAFFIC("every protocol and port"),
    PROTOCOL_SCTP("SCTP"),
    HTTP_METHOD("HTTP methods"),
    HTTP_PATH_EXACT("HTTP exact paths"),
    HTTP_PATH_PREFIX("HTTP path prefixes (/api/*)"),
    HTTP_PATH_GLOB("HTTP path globs (/a/*/b)"),
    HTTP_HOST("HTTP hosts"),
    HTTP_HEADER("HTTP headers"),
    HTTP_EGRESS("HTTP rules enforced at egress"),
    REQUEST_PRINCIPAL("JWT request principals"),
    JWT_CLAIM("JWT claims"),
    DRY_RUN("dry run of a whole policy set");

    private final String description;

    Feature(String description) {
        this.description = description;
    }

    /** What the feature is, in words. */
    public String description() {
        return description;
    }

    /** The kebab-case id used in reports, e.g. {@code peer-dns-name}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return id();
    }

    /** Every feature the intent uses, in declaration order of this enum. */
    public static Set<Feature> of(PolicySet set, Intent intent) {
        EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        if (set.dryRun()) {
            features.add(DRY_RUN);
        }
        if (intent instanceof Isolation) {
            Isolation isolation = (Isolation) intent;
            features.add(ISOLATION);
            for (Direction direction : isolation.directions()) {
                features.add(direction == Direction.INGRESS ? INGRESS : EGRESS);
            }
            isolation.subjects().forEach(subject -> subject(subject, features));
            return features;
        }
        Connection connection = (Connection) intent;
        features.add(action(connection.tier(), connection.action()));
        for (Direction side : connection.effectiveSides()) {
            features.add(side == Direction.INGRESS ? INGRESS : EGRESS);
            (side == Direction.EGRESS ? connection.sources() : connection.destinations()).stream()
                    .filter(Peer::isPods).forEach(subject -> subject(subject, features));
        }
        connection.sources().forEach(peer -> peer(peer, features));
        connection.destinations().forEach(peer -> peer(peer, features));
        connection.ports().forEach(port -> port(port, features));
        connection.http().forEach(rule -> http(rule, features));
        if (!connection.http().isEmpty() && connection.effectiveSides().contains(Direction.EGRESS)) {
            features.add(HTTP_EGRESS);
        }
        for (Condition condition : connection.conditions()) {
            features.add(condition instanceof Condition.RequestPrincipal ? REQUEST_PRINCIPAL : JWT_CLAIM);
        }
        return features;
    }

    private static Feature action(Tier tier, Action action) {
        return Feature.valueOf(tier.name() + "_" + action.name());
    }

    private static void subject(Peer subject, Set<Feature> features) {
        if (subject instanceof ServiceAccountRef) {
            features.add(SUBJECT_SERVICE_ACCOUNT);
        } else if (subject instanceof Workload) {
            features.add(SUBJECT_IN_NAMED_NAMESPACES);
        } else if (subject instanceof Pods) {
            NamespaceScope scope = ((Pods) subject).namespaces();
            features.add(scope instanceof NamespaceScope.Named ? SUBJECT_IN_NAMED_NAMESPACES
                    : scope instanceof NamespaceScope.Labelled ? SUBJECT_IN_LABELLED_NAMESPACES
                    : SUBJECT_IN_ALL_NAMESPACES);
        }
    }

    private static void peer(Peer peer, Set<Feature> features) {
        if (peer instanceof Workload) {
            features.add(PEER_PODS);
        } else if (peer instanceof Pods) {
            features.add(((Pods) peer).namespaces() instanceof NamespaceScope.Labelled
                    ? PEER_PODS_IN_LABELLED_NAMESPACES : PEER_PODS);
        } else if (peer instanceof ServiceAccountRef) {
            features.add(PEER_SERVICE_ACCOUNT);
        } else if (peer instanceof Nodes) {
            features.add(PEER_NODES);
        } else if (peer == Entity.KUBE_APISERVER) {
            features.add(PEER_KUBE_APISERVER);
        } else if (peer == Entity.WORLD) {
            features.add(PEER_WORLD);
        } else if (peer == Entity.ANYWHERE) {
            features.add(PEER_ANYWHERE);
        } else if (peer instanceof IpBlock) {
            features.add(((IpBlock) peer).except().isEmpty() ? PEER_CIDR : PEER_CIDR_EXCEPT);
        } else if (peer instanceof DnsName) {
            features.add(((DnsName) peer).isWildcard() ? PEER_DNS_WILDCARD : PEER_DNS_NAME);
        }
    }

    private static void port(PortMatch port, Set<Feature> features) {
        if (port instanceof AnyTraffic) {
            features.add(PORT_ANY_TRAFFIC);
            return;
        }
        features.add(port instanceof PortRange ? PORT_RANGE : port instanceof NamedPort ? PORT_NAMED
                : port instanceof AllPorts ? PORT_ALL_OF_PROTOCOL : PORT_NUMBER);
        Protocol protocol = port instanceof PortRange ? ((PortRange) port).protocol()
                : port instanceof NamedPort ? ((NamedPort) port).protocol()
                : port instanceof AllPorts ? ((AllPorts) port).protocol()
                : ((dev.kordon.dsl.PortNumber) port).protocol();
        if (protocol == Protocol.SCTP) {
            features.add(PROTOCOL_SCTP);
        }
    }

    private static void http(HttpRule rule, Set<Feature> features) {
        if (!rule.methods().isEmpty()) {
            features.add(HTTP_METHOD);
        }
        for (PathPattern path : rule.paths()) {
            features.add(path.kind() == PathPattern.Kind.EXACT ? HTTP_PATH_EXACT
                    : path.kind() == PathPattern.Kind.PREFIX ? HTTP_PATH_PREFIX : HTTP_PATH_GLOB);
        }
        if (!rule.hosts().isEmpty()) {
            features.add(HTTP_HOST);
        }
        if (!rule.headers().isEmpty()) {
            features.add(HTTP_HEADER);
        }
    }
}
