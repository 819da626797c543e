package dev.kordon.generators.kubernetes;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Resource;
import dev.kordon.generators.manifest.KubeSelector;
import dev.kordon.generators.manifest.Manifests;
import dev.kordon.generators.manifest.Subjects;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** Writes NetworkPolicy objects for the intents of one policy set. */
final class NetworkPolicyWriter {

    private static final String API_VERSION = "networking.k8s.io/v1";
    private static final String KIND = "NetworkPolicy";

    private final PolicySet set;

    NetworkPolicyWriter(PolicySet set) {
        this.set = set;
    }

    /** One policy per subject unit with the isolated directions and no rule: everything else is denied. */
    List<Resource> isolation(Isolation isolation) {
        List<Subjects.Unit> units = Subjects.of(set, isolation.subjects());
        List<String> types = new ArrayList<>();
        for (Direction direction : isolation.directions()) {
            types.add(policyType(direction));
        }
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Subjects.Unit unit = units.get(i);
            String name = units.size() == 1 ? Manifests.name(set, isolation.name())
                    : Manifests.name(set, isolation.name(), String.valueOf(i + 1));
            NetworkPolicy policy = new NetworkPolicyBuilder()
                    .withApiVersion(API_VERSION).withKind(KIND)
                    .withMetadata(metadata(name, unit.namespace(), isolation.name()))
                    .withNewSpec()
                    .withPodSelector(selector(KubeSelector.of(unit.selector())))
                    .withPolicyTypes(types)
                    .endSpec()
                    .build();
            resources.add(resource(policy, isolation.name()));
        }
        return resources;
    }

    /** One policy per subject unit on the given side, with one rule for the other side's peers and the ports. */
    List<Resource> connection(Connection connection, Direction side) {
        boolean egress = side == Direction.EGRESS;
        List<Subjects.Unit> units = Subjects.of(set, egress ? connection.sources() : connection.destinations());
        List<NetworkPolicyPort> ports = ports(connection.ports());
        String sideName = side.toString();
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Subjects.Unit unit = units.get(i);
            List<NetworkPolicyPeer> peers = peers(egress ? connection.destinations() : connection.sources(),
                    unit.namespace());
            String name = units.size() == 1 ? Manifests.name(set, connection.name(), sideName)
                    : Manifests.name(set, connection.name(), sideName, String.valueOf(i + 1));
            NetworkPolicyBuilder builder = new NetworkPolicyBuilder()
                    .withApiVersion(API_VERSION).withKind(KIND)
                    .withMetadata(metadata(name, unit.namespace(), connection.name()));
            NetworkPolicy policy;
            if (egress) {
                NetworkPolicyEgressRule rule = new NetworkPolicyEgressRule(ports, peers);
                policy = builder.withNewSpec().withPodSelector(selector(KubeSelector.of(unit.selector())))
                        .withPolicyTypes(policyType(side)).withEgress(rule).endSpec().build();
            } else {
                NetworkPolicyIngressRule rule = new NetworkPolicyIngressRule(peers, ports);
                policy = builder.withNewSpec().withPodSelector(selector(KubeSelector.of(unit.selector())))
                        .withPolicyTypes(policyType(side)).withIngress(rule).endSpec().build();
            }
            resources.add(resource(policy, connection.name()));
        }
        return resources;
    }

    private Resource resource(NetworkPolicy policy, String intent) {
        return new Resource(API_VERSION, KIND, policy.getMetadata().getNamespace(), policy.getMetadata().getName(),
                List.of(intent), policy);
    }

    private io.fabric8.kubernetes.api.model.ObjectMeta metadata(String name, String namespace, String intent) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(new LinkedHashMap<>(Manifests.labels(set)))
                .withAnnotations(new LinkedHashMap<>(Manifests.annotations(set, List.of(intent))))
                .build();
    }

    private static String policyType(Direction direction) {
        String text = direction.toString();
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /**
     * The peers of a rule in a policy of {@code namespace}; empty (no {@code from}/{@code to}, so every peer) when one
     * of them is anywhere. Pods of the policy's own namespace are written with a {@code podSelector} alone.
     */
    private List<NetworkPolicyPeer> peers(List<Peer> peers, String namespace) {
        if (peers.contains(Entity.ANYWHERE)) {
            return List.of();
        }
        List<NetworkPolicyPeer> result = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer instanceof Workload) {
                Workload workload = (Workload) peer;
                result.add(pods(workload.namespace(), workload.selector(), namespace));
            } else if (peer instanceof Pods) {
                result.add(pods((Pods) peer, namespace));
            } else if (peer instanceof ServiceAccountRef) {
                for (Workload workload : Subjects.workloadsRunningAs(set, (ServiceAccountRef) peer)) {
                    result.add(pods(workload.namespace(), workload.selector(), namespace));
                }
            } else if (peer instanceof IpBlock) {
                IpBlock block = (IpBlock) peer;
                List<String> except = block.except().stream().map(Cidr::notation).toList();
                result.add(ipBlock(block.cidr().notation(), except));
            } else if (peer == Entity.WORLD) {
                result.add(ipBlock("0.0.0.0/0", List.of()));
                result.add(ipBlock("::/0", List.of()));
            } else {
                throw new IllegalStateException("NetworkPolicy cannot express " + peer + "; the fidelity check should"
                        + " have refused it");
            }
        }
        return result.stream().distinct().toList();
    }

    private static NetworkPolicyPeer pods(String podNamespace, dev.kordon.dsl.LabelSelector pods, String namespace) {
        if (podNamespace.equals(namespace)) {
            NetworkPolicyPeer peer = new NetworkPolicyPeer();
            peer.setPodSelector(selector(KubeSelector.of(pods)));
            return peer;
        }
        return pods(KubeSelector.namespaces(List.of(podNamespace)), pods);
    }

    private static NetworkPolicyPeer pods(Pods pods, String namespace) {
        NamespaceScope scope = pods.namespaces();
        if (scope instanceof NamespaceScope.Named && ((NamespaceScope.Named) scope).names().equals(List.of(namespace))) {
            return pods(namespace, pods.selector(), namespace);
        }
        KubeSelector namespaces = scope instanceof NamespaceScope.Named
                ? KubeSelector.namespaces(((NamespaceScope.Named) scope).names())
                : scope instanceof NamespaceScope.Labelled
                ? KubeSelector.of(((NamespaceScope.Labelled) scope).selector())
                : KubeSelector.all();
        return pods(namespaces, pods.selector());
    }

    private static NetworkPolicyPeer pods(KubeSelector namespaces, dev.kordon.dsl.LabelSelector pods) {
        NetworkPolicyPeer peer = new NetworkPolicyPeer();
        peer.setNamespaceSelector(selector(namespaces));
        peer.setPodSelector(selector(KubeSelector.of(pods)));
        return peer;
    }

    private static NetworkPolicyPeer ipBlock(String cidr, List<String> except) {
        NetworkPolicyPeer peer = new NetworkPolicyPeer();
        peer.setIpBlock(new IPBlock(cidr, except.isEmpty() ? null : except));
        return peer;
    }

    /** The ports of a rule; empty (every port and protocol) when one of them is any traffic. */
    private static List<NetworkPolicyPort> ports(List<PortMatch> ports) {
        if (ports.stream().anyMatch(port -> port instanceof AnyTraffic)) {
            return List.of();
        }
        List<NetworkPolicyPort> result = new ArrayList<>();
        for (PortMatch port : ports) {
            if (port instanceof PortNumber) {
                PortNumber number = (PortNumber) port;
                result.add(new NetworkPolicyPort(null, new IntOrString(number.port()), protocol(number.protocol())));
            } else if (port instanceof PortRange) {
                PortRange range = (PortRange) port;
                result.add(new NetworkPolicyPort(range.to(), new IntOrString(range.from()), protocol(range.protocol())));
            } else if (port instanceof NamedPort) {
                NamedPort named = (NamedPort) port;
                result.add(new NetworkPolicyPort(null, new IntOrString(named.name()), protocol(named.protocol())));
            } else {
                result.add(new NetworkPolicyPort(null, null, protocol(((AllPorts) port).protocol())));
            }
        }
        return result;
    }

    private static String protocol(dev.kordon.dsl.Protocol protocol) {
        return protocol.name();
    }

    private static LabelSelector selector(KubeSelector selector) {
        LabelSelector result = new LabelSelector();
        if (selector.matchLabels() != null) {
            result.setMatchLabels(new LinkedHashMap<>(selector.matchLabels()));
        }
        if (selector.matchExpressions() != null) {
            List<LabelSelectorRequirement> expressions = new ArrayList<>();
            for (KubeSelector.Expression expression : selector.matchExpressions()) {
                expressions.add(new LabelSelectorRequirement(expression.key(), expression.operator(),
                        expression.values() == null ? null : new ArrayList<>(expression.values())));
            }
            result.setMatchExpressions(expressions);
        }
        return result;
    }
}
