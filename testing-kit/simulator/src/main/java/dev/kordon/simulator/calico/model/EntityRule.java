package dev.kordon.simulator.calico.model;

import dev.kordon.dsl.Cidr;
import java.util.List;

/**
 * A rule's {@code source} or {@code destination}: every present part must hold (nets, selectors, ports), and no
 * negated part may. The selector parts are already combined the way Calico combines them: the namespace scope (the
 * policy's namespace, or a namespace selector), service accounts and the selector, all over one endpoint.
 *
 * @param nets        the address must be in one of them (any address when empty)
 * @param notNets     the address must be in none of them
 * @param selector    an endpoint or network set with the address must satisfy all of them (no constraint when empty)
 * @param notSelector no endpoint or network set with the address may satisfy it (no constraint when empty)
 * @param ports       the port must be one of them (any when empty)
 * @param notPorts    the port must be none of them
 */
public record EntityRule(List<Cidr> nets, List<Cidr> notNets, List<Conjunct> selector, List<Conjunct> notSelector,
        List<PortMatch> ports, List<PortMatch> notPorts) {

    /** A side of a rule without any constraint. */
    public static final EntityRule ANY = new EntityRule(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    public EntityRule {
        nets = List.copyOf(nets);
        notNets = List.copyOf(notNets);
        selector = List.copyOf(selector);
        notSelector = List.copyOf(notSelector);
        ports = List.copyOf(ports);
        notPorts = List.copyOf(notPorts);
    }

    /** Whether it constrains nothing. */
    public boolean isAny() {
        return nets.isEmpty() && notNets.isEmpty() && selector.isEmpty() && notSelector.isEmpty() && ports.isEmpty()
                && notPorts.isEmpty();
    }
}
