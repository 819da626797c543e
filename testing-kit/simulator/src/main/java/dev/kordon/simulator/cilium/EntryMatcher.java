package dev.kordon.simulator.cilium;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Matches a rule's L3 part (its peers) and L4 part (its ports) against a flow, saying what matched or what differed.
 * CIDR peers match only addresses outside the cluster (unless the profile says ipBlocks select pods); DNS-name peers
 * match only addresses the source learned through Cilium's DNS proxy.
 */
final class EntryMatcher {

    /** Whether the source learned the destination's address from a DNS answer for its name that the proxy saw. */
    interface DnsOracle {
        Check learned(FlowContext context);
    }

    /**
     * The outcome of matching one entry.
     *
     * @param l3       whether a peer matched
     * @param l4       whether a port matched
     * @param portRule the port rule that matched, if the entry has ports
     */
    record Match(Check l3, Check l4, Optional<PortRule> portRule) {
        boolean ok() {
            return l3.ok() && l4.ok();
        }

        int score() {
            return (l3.ok() ? 1 : 0) + (l4.ok() ? 1 : 0);
        }

        int distance() {
            return l3.distance() + l4.distance();
        }
    }

    private final boolean cidrSelectsClusterEndpoints;
    private final DnsOracle dns;

    EntryMatcher(boolean cidrSelectsClusterEndpoints, DnsOracle dns) {
        this.cidrSelectsClusterEndpoints = cidrSelectsClusterEndpoints;
        this.dns = dns;
    }

    Match match(PolicyEntry entry, FlowContext context) {
        PortMatch ports = ports(entry, context);
        return new Match(l3(entry, context), ports.check(), ports.rule());
    }

    private Check l3(PolicyEntry entry, FlowContext context) {
        if (entry.l3().isEmpty()) {
            return entry.l4().isEmpty()
                    ? Check.fail("it names no peers and no ports, so it allows nothing (it only turns on default"
                            + " deny)")
                    : Check.pass("no peer is named, so every peer matches, " + context.remote() + " included");
        }
        List<Peer> peers = entry.l3().get();
        if (peers.isEmpty()) {
            return Check.fail("its peer list is empty, which selects nothing");
        }
        List<Check> misses = new ArrayList<>();
        for (Peer peer : peers) {
            Check check = peer(peer, context);
            if (check.ok()) {
                return check;
            }
            misses.add(check);
        }
        if (peers.size() > 1 && peers.stream().allMatch(Peer.Entities.class::isInstance)) {
            return Check.fail(peers.get(0).field().replaceAll("\\[\\d+]$", "") + " " + peers.stream()
                    .map(p -> ((Peer.Entities) p).entity().toString()).collect(Collectors.joining(", ", "(", ")"))
                    + " do not match " + context.remote());
        }
        return misses.stream().min(Comparator.comparingInt(Check::distance)).map(c -> peers.size() == 1 ? c
                : Check.fail("none of its " + peers.size() + " peers matches; nearest: " + c.text(), c.distance()))
                .orElseThrow();
    }

    private Check peer(Peer peer, FlowContext context) {
        Identity remote = context.remote();
        if (peer instanceof Peer.Endpoints endpoints) {
            List<String> misses = endpoints.selector().mismatches(remote);
            return misses.isEmpty() ? Check.pass(endpoints + " matches " + remote)
                    : Check.fail(endpoints.field() + " " + String.join("; ", misses), misses.size());
        }
        if (peer instanceof Peer.Entities entities) {
            return entities.entity().matches(remote) ? Check.pass(entities + " matches " + remote)
                    : Check.fail(entities + " does not match " + remote);
        }
        if (peer instanceof Peer.CidrSet cidr) {
            return cidr(cidr, remote);
        }
        Peer.Fqdn fqdn = (Peer.Fqdn) peer;
        if (remote.fqdn().isEmpty()) {
            return Check.fail(fqdn + " matches only addresses the source looked up by name, and " + remote
                    + (remote.inCluster() ? " is a cluster endpoint" : " was reached by address"));
        }
        if (!fqdn.matcher().matches(remote.fqdn())) {
            return Check.fail(fqdn + " does not match " + remote.fqdn());
        }
        Check learned = dns.learned(context);
        return learned.ok() ? Check.pass(fqdn + " matches " + remote + ": " + learned.text())
                : Check.fail(fqdn + " matches the name " + remote.fqdn() + ", but " + learned.text());
    }

    private Check cidr(Peer.CidrSet cidr, Identity remote) {
        if (remote.inCluster() && !cidrSelectsClusterEndpoints) {
            return Check.fail(cidr + " does not match " + remote + ": CIDR rules match only addresses outside the"
                    + " cluster, never pods or nodes");
        }
        if (!cidr.cidr().containsAddress(remote.ip())) {
            return Check.fail(cidr + " does not contain " + remote.ip());
        }
        Optional<String> except = cidr.except().stream().filter(e -> e.containsAddress(remote.ip()))
                .map(Object::toString).findFirst();
        return except.isPresent() ? Check.fail(cidr + " excepts " + remote.ip() + " (in " + except.get() + ")")
                : Check.pass(cidr + " contains " + remote.ip());
    }

    private record PortMatch(Check check, Optional<PortRule> rule) {
    }

    private static PortMatch ports(PolicyEntry entry, FlowContext context) {
        if (entry.l4().isEmpty()) {
            return new PortMatch(Check.pass("every port and protocol"), Optional.empty());
        }
        List<String> misses = new ArrayList<>();
        for (PortRule rule : entry.l4()) {
            for (PortProtocol port : rule.ports()) {
                Check check = port.check(context.flow(), context.destination());
                if (check.ok()) {
                    return new PortMatch(check, Optional.of(rule));
                }
                if (!port.name().isEmpty()) {
                    misses.add(check.text());
                }
            }
        }
        String all = entry.l4().stream().flatMap(r -> r.ports().stream()).map(PortProtocol::toString).distinct()
                .collect(Collectors.joining(", "));
        return new PortMatch(Check.fail(context.l4() + " is not among its ports (" + all + ")"
                + (misses.isEmpty() ? "" : "; " + String.join("; ", misses))), Optional.empty());
    }
}
