package dev.kordon.generators.cilium;

import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Protocol;
import java.util.ArrayList;
import java.util.List;

/** The {@code toPorts} of a rule, from the intent's ports and, for allows, its HTTP rules or DNS visibility. */
final class PortRules {

    /** Port 53, whose DNS traffic Cilium's DNS proxy must see for {@code toFQDNs} to learn addresses. */
    static final int DNS_PORT = 53;

    private static final int LAST_PORT = 65535;

    private PortRules() {
    }

    /**
     * Every port of the intent, none of them with L7 rules. Empty when one of them is {@code anyTraffic()}: a rule
     * without {@code toPorts} covers every protocol, ICMP included.
     */
    static List<PortRule> plain(List<PortMatch> ports) {
        if (ports.stream().anyMatch(port -> port instanceof AnyTraffic)) {
            return List.of();
        }
        return chunks(ports.stream().map(port -> protocol(port, false)).toList(), null);
    }

    /**
     * Every port of the intent, each with the HTTP rules. Cilium refuses L7 rules on port 0, so every TCP port is
     * written as the range 1-65535 (L7 on ranges needs Cilium 1.17 or later).
     */
    static List<PortRule> withHttp(List<PortMatch> ports, List<PortRuleHttp> http) {
        return chunks(ports.stream().map(port -> protocol(port, true)).toList(), L7Rules.http(http));
    }

    /**
     * Every port of the intent, with UDP and TCP port 53 in an entry of their own whose DNS rule allows every name:
     * the verdict on DNS traffic does not change, but it goes through Cilium's DNS proxy, which learns the
     * addresses behind the names that {@code toFQDNs} rules allow.
     */
    static List<PortRule> withDnsVisibility(List<PortMatch> ports) {
        if (ports.stream().anyMatch(port -> port instanceof AnyTraffic)) {
            throw new IllegalStateException("DNS visibility needs explicit ports, not " + ports);
        }
        List<PortMatch> dns = ports.stream().filter(PortRules::isDns).toList();
        List<PortMatch> others = ports.stream().filter(port -> !isDns(port)).toList();
        List<PortRule> rules = new ArrayList<>(others.isEmpty() ? List.of() : plain(others));
        if (!dns.isEmpty()) {
            rules.addAll(chunks(dns.stream().map(port -> protocol(port, false)).toList(),
                    L7Rules.dns(List.of(FqdnSelector.pattern("*")))));
        }
        return rules;
    }

    /** Whether the port is UDP or TCP port 53 exactly. */
    static boolean isDns(PortMatch port) {
        return port instanceof PortNumber && ((PortNumber) port).port() == DNS_PORT
                && ((PortNumber) port).protocol() != Protocol.SCTP;
    }

    private static List<PortRule> chunks(List<PortProtocol> ports, L7Rules rules) {
        List<PortRule> chunks = new ArrayList<>();
        for (int from = 0; from < ports.size(); from += PortRule.MAX_PORTS) {
            chunks.add(new PortRule(ports.subList(from, Math.min(ports.size(), from + PortRule.MAX_PORTS)), rules));
        }
        return chunks;
    }

    private static PortProtocol protocol(PortMatch port, boolean l7) {
        if (port instanceof PortNumber) {
            PortNumber number = (PortNumber) port;
            return new PortProtocol(String.valueOf(number.port()), null, number.protocol().name());
        }
        if (port instanceof PortRange) {
            PortRange range = (PortRange) port;
            return new PortProtocol(String.valueOf(range.from()), range.to(), range.protocol().name());
        }
        if (port instanceof NamedPort) {
            NamedPort named = (NamedPort) port;
            return new PortProtocol(named.name(), null, named.protocol().name());
        }
        if (port instanceof AllPorts) {
            String protocol = ((AllPorts) port).protocol().name();
            return l7 ? new PortProtocol("1", LAST_PORT, protocol) : new PortProtocol("0", null, protocol);
        }
        throw new IllegalStateException("no Cilium port for " + port + (l7 ? " with HTTP rules" : ""));
    }
}
