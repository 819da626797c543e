package dev.kordon.testing;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.analysis.Boundaries;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Pod;
import java.util.List;
import java.util.TreeSet;

/**
 * The connectivity of the intent itself: the ports and address blocks that its connections name cut the port range
 * and the outside addresses into the intervals that are probed, as the manifests' fields do for a target.
 */
final class IntentBoundaries {

    private IntentBoundaries() {
    }

    static Connectivity connectivity(Simulator simulator, List<PolicySet> sets) {
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(1);
        TreeSet<String> ingress = new TreeSet<>();
        TreeSet<String> egress = new TreeSet<>();
        for (PolicySet set : sets) {
            for (Connection connection : set.connections()) {
                for (PortMatch port : connection.ports()) {
                    if (port instanceof PortNumber) {
                        Boundaries.cut(((PortNumber) port).port(), ((PortNumber) port).port(), starts);
                    } else if (port instanceof PortRange) {
                        Boundaries.cut(((PortRange) port).from(), ((PortRange) port).to(), starts);
                    }
                }
                blocks(connection.sources(), ingress);
                blocks(connection.destinations(), egress);
            }
        }
        for (Pod pod : simulator.cluster().pods()) {
            for (ContainerPort port : pod.ports()) {
                Boundaries.cut(port.port(), port.port(), starts);
            }
        }
        return Connectivity.analyse(simulator, List.copyOf(ingress), List.copyOf(egress), List.copyOf(starts));
    }

    private static void blocks(List<Peer> peers, TreeSet<String> cidrs) {
        for (Peer peer : peers) {
            if (peer instanceof IpBlock) {
                IpBlock block = (IpBlock) peer;
                if (!block.cidr().isIpv6()) {
                    cidrs.add(block.cidr().notation());
                }
                block.except().stream().filter(cidr -> !cidr.isIpv6()).forEach(cidr -> cidrs.add(cidr.notation()));
            } else if (peer == Entity.WORLD || peer == Entity.ANYWHERE) {
                cidrs.add("0.0.0.0/0");
            }
        }
    }
}
