package dev.kordon.simulator.calico.model;

import java.util.Objects;

/**
 * One rule of a policy or profile, in Calico's terms: every present criterion must hold for the rule to match.
 *
 * @param index       the index of the rule as written (a Kubernetes or ClusterNetworkPolicy rule that Calico splits
 *                    into several rules keeps its own index in each)
 * @param origin      what part of the written rule this is, e.g. {@code peer 1, port 0}, or empty
 * @param action      what it does when it matches
 * @param protocol    the protocol it requires, or {@link ProtocolMatch#ANY}
 * @param notProtocol the protocol it excludes, or {@link ProtocolMatch#ANY}
 * @param icmp        the ICMP type/code it requires, or {@link IcmpMatch#NONE}
 * @param notIcmp     the ICMP type/code it excludes, or {@link IcmpMatch#NONE}
 * @param ipVersion   4 or 6, or 0 for both
 * @param source      the packet's source
 * @param destination the packet's destination
 * @param http        the HTTP clause, or {@link HttpMatch#NONE}
 */
public record Rule(int index, String origin, Action action, ProtocolMatch protocol, ProtocolMatch notProtocol,
        IcmpMatch icmp, IcmpMatch notIcmp, int ipVersion, EntityRule source, EntityRule destination, HttpMatch http) {

    public Rule {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(notProtocol, "notProtocol");
        Objects.requireNonNull(icmp, "icmp");
        Objects.requireNonNull(notIcmp, "notIcmp");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(http, "http");
    }

    /** A rule with only an action and the given sides. */
    public static Rule of(int index, String origin, Action action, ProtocolMatch protocol, EntityRule source,
            EntityRule destination) {
        return new Rule(index, origin, action, protocol, ProtocolMatch.ANY, IcmpMatch.NONE, IcmpMatch.NONE, 0, source,
                destination, HttpMatch.NONE);
    }

    /** {@code rule 2} or {@code rule 2 (peer 1, port 0)}. */
    public String label() {
        return "rule " + index + (origin.isEmpty() ? "" : " (" + origin + ")");
    }
}
