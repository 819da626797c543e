package dev.kordon.codegen.importer;

import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PortMatch;
import java.util.List;

/** A non-empty list split for the DSL's first-and-varargs methods ({@code allow(first, more...)}). */
final class FirstAndMore {

    private FirstAndMore() {
    }

    static Peer[] morePeers(List<Peer> peers) {
        return peers.subList(1, peers.size()).toArray(Peer[]::new);
    }

    static PortMatch[] morePorts(List<PortMatch> ports) {
        return ports.subList(1, ports.size()).toArray(PortMatch[]::new);
    }
}
