package dev.kordon.simulator;

import dev.kordon.dsl.Names;
import dev.kordon.simulator.cluster.Cluster;
import java.util.Locale;
import java.util.Optional;

/**
 * The endpoint syntax of reachability files and the command line: {@code namespace/pod}, {@code ip:ADDRESS} (a
 * listed node's address means that node; any other is outside the pod network), or {@code fqdn:NAME} (an outside
 * address reached by that name, given a stable address in 198.18.0.0/15, the benchmarking range).
 */
public final class EndpointSyntax {

    private EndpointSyntax() {
    }

    /** The endpoint the text names, or empty when it names no pod of the cluster. */
    public static Optional<Endpoint> parse(String text, Cluster cluster) {
        if (text.startsWith("ip:")) {
            String ip = text.substring(3);
            return Optional.of(cluster.nodeWithIp(ip).<Endpoint>map(Endpoint.OfNode::new)
                    .orElse(new Endpoint.External(ip, "")));
        }
        if (text.startsWith("fqdn:")) {
            String name = text.substring(5);
            return Optional.of(new Endpoint.External(addressOf(name), name));
        }
        return cluster.pod(text).map(Endpoint.OfPod::new);
    }

    /** What to write instead of an endpoint that names nothing. */
    public static String hint() {
        return "write ns/pod for a pod of the cluster, ip:A.B.C.D for an address, or fqdn:NAME";
    }

    static String addressOf(String name) {
        int hash = Integer.parseUnsignedInt(Names.hash(name.toLowerCase(Locale.ROOT), 4), 16);
        return "198." + (18 + (hash >> 15 & 1)) + "." + (hash >> 8 & 0x7f) + "." + (hash & 0xff);
    }
}
