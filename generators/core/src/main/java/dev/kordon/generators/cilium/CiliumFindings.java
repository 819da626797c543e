package dev.kordon.generators.cilium;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Nodes;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Tier;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Backend.Finding;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What Cilium cannot express for a particular intent, beyond the per-feature capabilities. */
final class CiliumFindings {

    private CiliumFindings() {
    }

    /** The findings for one intent of the set, in a stable order, without duplicates. */
    static List<Finding> of(PolicySet set, Intent intent, Role role) {
        Set<Finding> findings = new LinkedHashSet<>();
        if (intent instanceof Isolation) {
            ((Isolation) intent).subjects().forEach(subject -> labels(subject, subjectFeature(subject), findings));
            return List.copyOf(findings);
        }
        Connection connection = (Connection) intent;
        List<Peer> subjects = subjects(connection);
        for (Peer peer : peers(connection)) {
            labels(peer, subjects.contains(peer) ? subjectFeature(peer) : peerFeature(peer), findings);
            if (peer instanceof Nodes && !((Nodes) peer).selector().matchesAll()) {
                findings.add(new Finding(Feature.PEER_NODES, Support.unsupported("Cilium selects nodes by labels"
                        + " only with the agent flag enable-node-selector-labels, without which it rejects the policy",
                        "use allNodes(), or a target that selects nodes by labels")));
            }
        }
        if (connection.action() == Action.DENY && connection.tier() != Tier.BASELINE) {
            deny(connection, role, findings);
        }
        if (DnsVisibility.allowsDnsNames(connection)) {
            dnsLearning(set, connection, findings);
        }
        return List.copyOf(findings);
    }

    private static void deny(Connection connection, Role role, Set<Finding> findings) {
        if (connection.isL7()) {
            if (role == Role.COMPLETE) {
                findings.add(new Finding(Feature.valueOf(connection.tier().name() + "_DENY"), Support.unsupported(
                        "Cilium deny rules cannot carry HTTP rules or request conditions, and a deny of the whole"
                                + " port would also deny the other requests (narrower)",
                        "add istio to the target (cilium+istio), where the mesh denies the requests, or deny the"
                                + " whole port")));
            }
            return; // under a mesh, the mesh denies the requests and this layer writes nothing
        }
        for (DnsName name : dnsNames(connection)) {
            findings.add(new Finding(dnsFeature(name), Support.unsupported("Cilium deny rules cannot match DNS names"
                    + " (egressDeny has no toFQDNs)", "deny the addresses with cidr(...), or allow only the names"
                    + " that are needed")));
        }
    }

    private static void dnsLearning(PolicySet set, Connection connection, Set<Finding> findings) {
        for (Peer source : connection.sources()) {
            if (!source.isPods() || DnsVisibility.isCovered(set, source)) {
                continue;
            }
            for (DnsName name : dnsNames(connection)) {
                findings.add(new Finding(dnsFeature(name), Support.unsupported("Cilium learns the addresses behind"
                        + " DNS names only from the lookups its DNS proxy sees, and no DNS allow of this set (an"
                        + " egress allow on UDP or TCP port 53) is enforced at every pod of " + source + ", so"
                        + " nothing would be learned and the traffic dropped (narrower)", "add allowDns(...) for these"
                        + " pods to the set; its port-53 rules then carry a DNS rule that allows every name")));
            }
        }
    }

    private static void labels(Peer peer, Feature feature, Set<Finding> findings) {
        List<String> problems = new ArrayList<>();
        if (peer instanceof Workload || peer instanceof Pods) {
            Pods pods = peer instanceof Workload ? ((Workload) peer).asPods() : (Pods) peer;
            for (LabelRequirement requirement : pods.selector().requirements()) {
                IdentityLabels.podLabelProblem(requirement.key()).ifPresent(problems::add);
            }
            if (pods.namespaces() instanceof NamespaceScope.Labelled) {
                for (LabelRequirement requirement : ((NamespaceScope.Labelled) pods.namespaces()).selector()
                        .requirements()) {
                    IdentityLabels.namespaceLabelProblem(requirement.key()).ifPresent(problems::add);
                }
            }
        }
        for (String problem : problems) {
            findings.add(new Finding(feature, Support.unsupported(problem, "select the pods of " + peer + " by"
                    + " labels that are part of their Cilium identity")));
        }
    }

    private static List<Peer> subjects(Connection connection) {
        List<Peer> subjects = new ArrayList<>();
        if (connection.effectiveSides().contains(Direction.EGRESS)) {
            subjects.addAll(connection.sources());
        }
        if (connection.effectiveSides().contains(Direction.INGRESS)) {
            subjects.addAll(connection.destinations());
        }
        return subjects;
    }

    private static List<Peer> peers(Connection connection) {
        List<Peer> peers = new ArrayList<>(connection.sources());
        peers.addAll(connection.destinations());
        return peers;
    }

    private static List<DnsName> dnsNames(Connection connection) {
        return connection.destinations().stream().filter(peer -> peer instanceof DnsName).map(DnsName.class::cast)
                .toList();
    }

    private static Feature dnsFeature(DnsName name) {
        return name.isWildcard() ? Feature.PEER_DNS_WILDCARD : Feature.PEER_DNS_NAME;
    }

    private static Feature subjectFeature(Peer peer) {
        if (peer instanceof ServiceAccountRef) {
            return Feature.SUBJECT_SERVICE_ACCOUNT;
        }
        NamespaceScope scope = scope(peer).orElse(null);
        return scope instanceof NamespaceScope.Labelled ? Feature.SUBJECT_IN_LABELLED_NAMESPACES
                : scope instanceof NamespaceScope.All ? Feature.SUBJECT_IN_ALL_NAMESPACES
                : Feature.SUBJECT_IN_NAMED_NAMESPACES;
    }

    private static Feature peerFeature(Peer peer) {
        if (peer instanceof ServiceAccountRef) {
            return Feature.PEER_SERVICE_ACCOUNT;
        }
        return scope(peer).filter(NamespaceScope.Labelled.class::isInstance).isPresent()
                ? Feature.PEER_PODS_IN_LABELLED_NAMESPACES : Feature.PEER_PODS;
    }

    private static Optional<NamespaceScope> scope(Peer peer) {
        return peer instanceof Pods ? Optional.of(((Pods) peer).namespaces()) : Optional.empty();
    }
}
