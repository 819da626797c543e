package dev.kordon.simulator.generic;

import dev.kordon.dsl.Cidr;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Node;
import dev.kordon.simulator.cluster.Pod;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether the peer end of a flow is one a rule names: pods by namespace and labels (never host-network pods,
 * whose traffic is node traffic), addresses by CIDR (pod addresses too when the profile says so), nodes by labels,
 * and external destinations by the DNS name they were reached by.
 */
final class PeerMatcher {

    private final Cluster cluster;
    private final EnforcementProfile profile;

    PeerMatcher(Cluster cluster, EnforcementProfile profile) {
        this.cluster = cluster;
        this.profile = profile;
    }

    /** Whether the peer of the traffic is one the rule's peer names. */
    Check match(Peer peer, Traffic traffic) {
        return match(peer, traffic.peer());
    }

    /** Whether the endpoint at the other end of the traffic is one the rule's peer names. */
    Check match(Peer peer, Endpoint end) {
        if (peer instanceof Peer.Pods pods) {
            return pods(pods, end);
        }
        if (peer instanceof Peer.Addresses addresses) {
            return addresses(addresses, end);
        }
        if (peer instanceof Peer.Nodes nodes) {
            return nodes(nodes, end);
        }
        if (peer instanceof Peer.DomainNames names) {
            return domainNames(names, end);
        }
        return Check.miss(0, "it sets no field this simulator can read, so it matches nothing");
    }

    private Check pods(Peer.Pods peer, Endpoint end) {
        if (!(end instanceof Endpoint.OfPod ofPod)) {
            return Check.miss(0, () -> end + " is not a pod");
        }
        Pod pod = ofPod.pod();
        if (pod.hostNetwork()) {
            return Check.miss(0, () -> pod + " uses the host network: its traffic is node traffic, which pod and"
                    + " namespace selectors never select");
        }
        boolean namespaceOk = true;
        if (peer.namespaces() instanceof Peer.SameNamespace same && !same.name().equals(pod.namespace())) {
            namespaceOk = false;
        } else if (peer.namespaces() instanceof Peer.SelectedNamespaces selected
                && !selected.selector().matches(cluster.namespaceLabels(pod.namespace()))) {
            namespaceOk = false;
        }
        boolean podOk = peer.pods().matches(pod.labels());
        int score = (namespaceOk ? 1 : 0) + (podOk ? 1 : 0);
        if (score == 2) {
            return Check.match(2, () -> "selects " + pod);
        }
        return Check.miss(score, () -> podsMiss(peer, pod));
    }

    /** Why a pod peer does not select the pod: its namespace, its labels, or both. */
    private String podsMiss(Peer.Pods peer, Pod pod) {
        String namespaceMiss = "";
        if (peer.namespaces() instanceof Peer.SameNamespace same && !same.name().equals(pod.namespace())) {
            namespaceMiss = pod + " is not in the policy's namespace " + same.name();
        } else if (peer.namespaces() instanceof Peer.SelectedNamespaces selected
                && !selected.selector().matches(cluster.namespaceLabels(pod.namespace()))) {
            namespaceMiss = SelectorText.miss("namespace " + pod.namespace(), selected.selector(),
                    cluster.namespaceLabels(pod.namespace()));
        }
        String podMiss = peer.pods().matches(pod.labels()) ? ""
                : SelectorText.miss("pod " + pod, peer.pods(), pod.labels());
        return namespaceMiss.isEmpty() ? podMiss : podMiss.isEmpty() ? namespaceMiss : namespaceMiss + "; " + podMiss;
    }

    private Check addresses(Peer.Addresses peer, Endpoint end) {
        if (end instanceof Endpoint.OfPod ofPod && !ofPod.pod().hostNetwork() && !profile.ipBlockSelectsPods()) {
            return Check.miss(0, () -> end + " is a pod, and in this profile address peers never select pods"
                    + " (ipBlockSelectsPods=false)");
        }
        Supplier<String> address = () -> end + (end instanceof Endpoint.External ? "" : " (" + end.ip() + ")");
        Optional<Cidr> block = peer.cidrs().stream().filter(cidr -> cidr.containsAddress(end.ip())).findFirst();
        if (block.isEmpty()) {
            return Check.miss(0, () -> address.get() + " is not in " + (peer.cidrs().size() == 1
                    ? peer.cidrs().get(0) : "any of " + peer.cidrs()));
        }
        Optional<Cidr> excepted = peer.except().stream().filter(cidr -> cidr.containsAddress(end.ip())).findFirst();
        if (excepted.isPresent()) {
            return Check.miss(1, () -> address.get() + " is in " + block.get() + " but excepted by "
                    + excepted.get());
        }
        return Check.match(2, () -> "contains " + address.get());
    }

    private Check nodes(Peer.Nodes peer, Endpoint end) {
        Optional<Node> node = end.nodeIn(cluster);
        if (node.isEmpty()) {
            return Check.miss(0, () -> end + " is not a node");
        }
        String what = "node " + node.get().name() + " (" + node.get().ip() + ")";
        if (!peer.nodes().matches(node.get().labels())) {
            return Check.miss(1, () -> SelectorText.miss(what, peer.nodes(), node.get().labels()));
        }
        return Check.match(2, () -> "selects " + what + (end instanceof Endpoint.OfPod ? ", the address of " + end
                : ""));
    }

    private static Check domainNames(Peer.DomainNames peer, Endpoint end) {
        if (!(end instanceof Endpoint.External external) || external.fqdn().isEmpty()) {
            return Check.miss(0, () -> end + " is not reached by a DNS name");
        }
        String name = normal(external.fqdn());
        for (String pattern : peer.names()) {
            String wanted = normal(pattern);
            boolean wildcard = wanted.startsWith("*.");
            if (wildcard ? name.endsWith(wanted.substring(1)) && name.length() > wanted.length() - 1
                    : name.equals(wanted)) {
                return Check.match(2, () -> "matches " + external.fqdn() + " (" + pattern + ")");
            }
        }
        return Check.miss(1, () -> external.fqdn() + " matches none of " + peer.names());
    }

    private static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
