package dev.kordon.simulator.generic;

import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides whether a flow's protocol and port are in a rule's port list: an empty list matches every port of every
 * protocol (ICMP included); numbers match their protocol only; a named port is looked up on the destination pod.
 */
final class PortMatcher {

    /**
     * Whether the traffic's protocol and port are in the list.
     *
     * @param ports     the list
     * @param traffic   the traffic
     * @param namedOn   the pod to look named ports up on, or empty when they cannot be resolved
     * @param unnamed   why named ports cannot be resolved, when {@code namedOn} is empty
     */
    Check match(List<PortMatch> ports, Traffic traffic, Optional<Pod> namedOn, Supplier<String> unnamed) {
        if (ports.isEmpty()) {
            return Check.match(2, "any port and protocol");
        }
        Transport transport = traffic.flow().transport();
        int port = traffic.flow().port();
        List<Check> named = new ArrayList<>();
        int best = 0;
        for (PortMatch entry : ports) {
            if (entry instanceof PortMatch.Numbers numbers) {
                if (numbers.contains(transport, port)) {
                    return Check.match(2, () -> "port " + numbers);
                }
                best = Math.max(best, numbers.protocol() == transport ? 1 : 0);
            } else if (entry instanceof PortMatch.Named name) {
                Check check = named(name, transport, port, namedOn, unnamed);
                if (check.ok()) {
                    return check;
                }
                best = Math.max(best, check.score());
                named.add(check);
            }
        }
        return Check.miss(best, () -> traffic.l4() + " is not in " + PortMatch.describe(ports) + (named.isEmpty() ? ""
                : named.stream().map(Check::why).collect(Collectors.joining("; ", " (", ")"))));
    }

    private static Check named(PortMatch.Named named, Transport transport, int port, Optional<Pod> namedOn,
            Supplier<String> unnamed) {
        if (!named.protocols().contains(transport)) {
            return Check.miss(0, () -> "named port " + named.name() + " is " + named.orderedProtocols().get(0));
        }
        if (namedOn.isEmpty()) {
            return Check.miss(0, () -> "named port " + named.name() + " cannot be resolved: " + unnamed.get());
        }
        Pod pod = namedOn.get();
        Optional<ContainerPort> declared = pod.namedPort(named.name(), transport.name());
        if (declared.isEmpty()) {
            return Check.miss(1, () -> pod + " has no " + transport + " container port named " + named.name());
        }
        if (declared.get().port() != port) {
            return Check.miss(1, () -> "named port " + named.name() + " of " + pod + " is " + transport + "/"
                    + declared.get().port());
        }
        return Check.match(2, () -> "port " + transport + "/" + port + " (named port " + named.name() + " of " + pod
                + ")");
    }
}
