package dev.kordon.generators.cilium;

import java.util.List;

/**
 * A {@code toPorts} entry: up to {@value #MAX_PORTS} ports and, for allow rules, the L7 rules that apply on them.
 *
 * @param ports the ports
 * @param rules HTTP or DNS rules; absent means every request
 */
public record PortRule(List<PortProtocol> ports, L7Rules rules) {

    /** The most ports Cilium accepts in one entry. */
    static final int MAX_PORTS = 40;

    public PortRule {
        ports = List.copyOf(ports);
        if (ports.isEmpty() || ports.size() > MAX_PORTS) {
            throw new IllegalArgumentException("a port rule has 1.." + MAX_PORTS + " ports: " + ports.size());
        }
    }
}
