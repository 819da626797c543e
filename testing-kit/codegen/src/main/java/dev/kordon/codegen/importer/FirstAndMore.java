package dev.kordon.codegen.importer;

import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.Names;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.Steps;
import java.util.List;
import java.util.Set;

/**
 * DSL calls the imports share: lists split for the first-and-varargs methods ({@code allow(first, more...)}), and
 * the isolation of a subject in some directions.
 */
final class FirstAndMore {

    private FirstAndMore() {
    }

    static Peer[] morePeers(List<Peer> peers) {
        return peers.subList(1, peers.size()).toArray(Peer[]::new);
    }

    static PortMatch[] morePorts(List<PortMatch> ports) {
        return ports.subList(1, ports.size()).toArray(PortMatch[]::new);
    }

    /** {@code isolate(subject)} in the directions ({@code .ingress()}, …), named {@code <name>-isolation}. */
    static Isolation isolation(Peer subject, Set<Direction> directions, String name) {
        Steps.IsolationDirection step = Kordon.isolate(subject);
        Isolation isolation = directions.size() == 2 ? step.ingressAndEgress()
                : directions.contains(Direction.INGRESS) ? step.ingress() : step.egress();
        return isolation.named(Names.dns1123Label(name + "-isolation"));
    }
}
