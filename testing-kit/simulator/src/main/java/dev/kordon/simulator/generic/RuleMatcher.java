package dev.kordon.simulator.generic;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.cluster.Pod;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether one rule matches traffic: any of its peers (every peer when it lists none) and any of its ports.
 * Named ports resolve on the destination pod: always for ingress (the subject), for egress only when the rule names
 * no peers or a pod peer matched, since an address peer names addresses, not pods.
 */
final class RuleMatcher {

    private final PeerMatcher peers;
    private final PortMatcher ports = new PortMatcher();

    RuleMatcher(PeerMatcher peers) {
        this.peers = peers;
    }

    /** The check of a rule's peers and ports against the traffic; its score finds the nearest miss. */
    Check check(List<Peer> rulePeers, List<PortMatch> rulePorts, Traffic traffic) {
        List<Check> checks = rulePeers.stream().map(peer -> peers.match(peer, traffic)).toList();
        Check peer = rulePeers.isEmpty() ? Check.match(2, () -> "every " + traffic.direction().peerRole() + " (no "
                + traffic.direction().peersField() + " list)") : bestPeer(rulePeers, checks);
        boolean podPeer = rulePeers.isEmpty();
        for (int i = 0; i < rulePeers.size(); i++) {
            podPeer |= rulePeers.get(i) instanceof Peer.Pods && checks.get(i).ok();
        }
        Optional<Pod> destination = traffic.destinationPod();
        boolean resolvable = traffic.direction() == Direction.INGRESS || podPeer;
        Supplier<String> unnamed = () -> destination.isPresent()
                ? "the destination matched only an address peer, which has no named ports"
                : traffic.flow().destination() instanceof Endpoint.OfPod ? "the destination "
                + traffic.flow().destination() + " uses the host network, whose ports are the node's"
                : "the destination " + traffic.flow().destination() + " is not a pod";
        Check port = ports.match(rulePorts, traffic, resolvable ? destination : Optional.empty(), unnamed);
        int score = peer.score() + port.score();
        if (peer.ok() && port.ok()) {
            return Check.match(score, () -> peer.why() + ", " + port.why());
        }
        if (peer.ok()) {
            return Check.miss(score, () -> peer.why() + ", but " + port.why());
        }
        return Check.miss(score, () -> port.ok() ? peer.why() + " (" + port.why() + " would match)"
                : peer.why() + "; and " + port.why());
    }

    /** The first peer that matches, or the nearest miss. */
    private static Check bestPeer(List<Peer> rulePeers, List<Check> checks) {
        int best = 0;
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).ok()) {
                Check match = checks.get(i);
                String label = label(rulePeers, i);
                return Check.match(2, () -> label + " " + match.why());
            }
            if (checks.get(i).score() > checks.get(best).score()) {
                best = i;
            }
        }
        Check nearest = checks.get(best);
        String label = label(rulePeers, best);
        return Check.miss(nearest.score(), () -> (rulePeers.size() == 1 ? "" : "none of its " + rulePeers.size()
                + " peers matches, the closest is ") + label + ": " + nearest.why());
    }

    private static String label(List<Peer> rulePeers, int index) {
        return "peer " + index + " (" + rulePeers.get(index).text() + ")";
    }
}
