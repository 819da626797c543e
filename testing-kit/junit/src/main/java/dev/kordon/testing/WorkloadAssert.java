package dev.kordon.testing;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.analysis.Connection;
import dev.kordon.simulator.analysis.ConnectionSet;
import dev.kordon.simulator.net.Ipv4Intervals;
import dev.kordon.simulator.analysis.Peer;
import dev.kordon.simulator.analysis.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions about everything to and from one workload: that only the given flows are allowed, that it is
 * isolated, and who reaches it.
 *
 * <pre>{@code
 * assertThat(net.workload(DATABASE)).allowsOnly(from(BACKEND).port(5432));          // passes
 * assertThat(net.workload(DATABASE)).isIsolated();                                  // passes
 * assertThat(net.workload(FRONTEND)).allowsOnly(to(BACKEND).port(8080));            // fails: the world reaches it
 * }</pre>
 */
public class WorkloadAssert extends AbstractAssert<WorkloadAssert, WorkloadView> {

    /** Assertions on this workload; prefer {@link KordonAssertions#assertThat(WorkloadView)}. */
    public WorkloadAssert(WorkloadView actual) {
        super(actual, WorkloadAssert.class);
    }

    /**
     * Each probe is allowed, and nothing else to or from the workload is: no other workload, outside address range,
     * port or protocol. A probe may leave out the workload's side: {@code from(FRONTEND).port(8080)} means to it,
     * {@code to(DATABASE).port(5432)} from it. Connections are compared as in {@link Reachability#connectivity()}:
     * at layer 4, without HTTP requests; an outside address stands for the address range it falls in.
     */
    public WorkloadAssert allowsOnly(Probe... probes) {
        isNotNull();
        ReachabilityAssert.requireProbes(probes);
        Reachability reachability = actual.reachability();
        Resolver resolver = new Resolver(reachability.cluster());
        List<Endpoint> subject = actual.pods();
        List<Expected> expected = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        for (Probe written : probes) {
            Probe probe = written.completedWith(actual.endpoints());
            boolean outbound = probe.source().orElseThrow().equals(actual.endpoints());
            boolean inbound = probe.destination().orElseThrow().equals(actual.endpoints());
            if (!outbound && !inbound) {
                throw new IllegalArgumentException("probe " + probe + " neither starts nor ends at " + actual.endpoints()
                        + "; in allowsOnly, write from(X).port(n) for flows to it and to(X).port(n) for flows from it");
            }
            List<dev.kordon.simulator.Verdict> verdicts = reachability.verdicts(probe);
            List<dev.kordon.simulator.Verdict> denied = verdicts.stream().filter(v -> !v.allowed()).toList();
            if (!denied.isEmpty()) {
                message.append(message.length() == 0 ? "" : "\n\n")
                        .append(Messages.unexpected(reachability, probe, true, verdicts.size(), denied));
            }
            List<Endpoint> others = resolver.endpoints(inbound ? probe.source().get() : probe.destination().get());
            expected.add(new Expected(inbound, others, probe.transport(), probe.port()));
        }
        List<String> extra = new ArrayList<>();
        for (Connection connection : reachability.connectivity().connections()) {
            boolean inbound = isSubject(connection.destination(), subject);
            boolean outbound = isSubject(connection.source(), subject);
            if (!inbound && !outbound) {
                continue;
            }
            Peer other = inbound ? connection.source() : connection.destination();
            String unexpected = unexpected(connection.allowed(), port -> expected.stream().anyMatch(e ->
                    e.inbound() == inbound && e.covers(other) && e.transport() == port.transport()
                            && e.port() == port.port()));
            if (!unexpected.isEmpty()) {
                extra.add(connection.source() + " => " + connection.destination() + " : " + unexpected
                        + sample(reachability, connection, unexpected));
            }
        }
        if (!extra.isEmpty()) {
            message.append(message.length() == 0 ? "" : "\n\n").append("Expecting only the probes to be allowed to"
                    + " and from ").append(actual.endpoints()).append(" on ").append(reachability.described())
                    .append(", but ").append(extra.size()).append(extra.size() == 1 ? " other connection is" : " other"
                    + " connections are").append(" allowed:");
            extra.forEach(line -> message.append("\n  ").append(line.replace("\n", "\n  ")));
        }
        if (message.length() > 0) {
            failWithMessage("%s", message.toString());
        }
        return myself;
    }

    /**
     * The workload is in default deny both ways: a stranger (a pod in a namespace of its own, labelled with nothing a
     * policy selects, and the outside address 192.0.2.1) can reach it on no port and protocol, and it can reach
     * neither. A workload that accepts every namespace or the whole world is therefore not isolated.
     */
    public WorkloadAssert isIsolated() {
        return isolated(true, true);
    }

    /** As {@link #isIsolated()}, for traffic to the workload only. */
    public WorkloadAssert isIsolatedForIngress() {
        return isolated(true, false);
    }

    /** As {@link #isIsolated()}, for traffic from the workload only. */
    public WorkloadAssert isIsolatedForEgress() {
        return isolated(false, true);
    }

    private WorkloadAssert isolated(boolean ingress, boolean egress) {
        isNotNull();
        Environment environment = actual.reachability().environment().orElseThrow(() -> new IllegalStateException(
                "isolation is checked with a stranger added to the cluster, which only a Reachability that a"
                        + " @KordonTest passes in can do"));
        Reachability withStranger = environment.withStranger(actual.reachability().target());
        List<Endpoint> subject = new Resolver(withStranger.cluster()).endpoints(actual.endpoints());
        long strangerAddress = Ipv4Intervals.address(Environment.STRANGER_ADDRESS).orElseThrow();
        Predicate<Peer> stranger = peer -> peer.name().equals(Environment.STRANGER)
                || peer.isExternal() && interval(peer).map(i -> i[0] <= strangerAddress && strangerAddress <= i[1])
                        .orElse(false);
        List<String> reached = new ArrayList<>();
        for (Connection connection : withStranger.connectivity().connections()) {
            boolean in = ingress && stranger.test(connection.source()) && isSubject(connection.destination(), subject);
            boolean out = egress && isSubject(connection.source(), subject) && stranger.test(connection.destination());
            if (in || out) {
                reached.add(connection + sample(withStranger, connection, connection.allowed().toString()));
            }
        }
        if (!reached.isEmpty()) {
            String direction = ingress && egress ? "" : ingress ? " for ingress" : " for egress";
            StringBuilder text = new StringBuilder("Expecting ").append(actual.endpoints()).append(" to be isolated")
                    .append(direction).append(" on ").append(withStranger.described()).append(", but a stranger (")
                    .append(Environment.STRANGER).append(", ip:").append(Environment.STRANGER_ADDRESS)
                    .append(") gets through:");
            reached.forEach(line -> text.append("\n  ").append(line.replace("\n", "\n  ")));
            failWithMessage("%s", text.toString());
        }
        return myself;
    }

    /** The workloads and outside address ranges that reach the workload on some port, by name, for list assertions. */
    public ListAssert<String> reachableFrom() {
        isNotNull();
        return Assertions.assertThat(peers(true)).as("workloads and address ranges that reach %s on %s",
                actual.endpoints(), actual.reachability().described());
    }

    /** The workloads and outside address ranges the workload reaches on some port, by name, for list assertions. */
    public ListAssert<String> reaches() {
        isNotNull();
        return Assertions.assertThat(peers(false)).as("workloads and address ranges that %s reaches on %s",
                actual.endpoints(), actual.reachability().described());
    }

    /** The names of the peers on the other side of the workload's connections, into it or out of it, sorted. */
    private List<String> peers(boolean inbound) {
        List<Endpoint> subject = actual.pods();
        return actual.reachability().connectivity().connections().stream()
                .filter(connection -> isSubject(inbound ? connection.destination() : connection.source(), subject))
                .map(connection -> (inbound ? connection.source() : connection.destination()).name())
                .distinct().sorted().toList();
    }

    private static boolean isSubject(Peer peer, List<Endpoint> subject) {
        return subject.contains(peer.probe());
    }

    /** A port an expected probe names, from one side of the workload to the other endpoints. */
    private record Expected(boolean inbound, List<Endpoint> others, Transport transport, int port) {

        boolean covers(Peer peer) {
            if (!peer.isExternal()) {
                return others.contains(peer.probe());
            }
            Optional<long[]> range = interval(peer);
            return range.isPresent() && others.stream().anyMatch(endpoint -> endpoint instanceof Endpoint.External
                    && Ipv4Intervals.address(endpoint.ip()).map(a -> range.get()[0] <= a && a <= range.get()[1])
                            .orElse(false));
        }
    }

    private record PortOf(Transport transport, int port) {
    }

    /** What the set allows beyond what {@code expected} covers, as netpol-analyzer writes it, or empty. */
    private static String unexpected(ConnectionSet allowed, Predicate<PortOf> expected) {
        if (allowed.isAll()) {
            return "All Connections";
        }
        List<String> parts = new ArrayList<>();
        for (Transport transport : ConnectionSet.PORT_PROTOCOLS) {
            List<String> ranges = new ArrayList<>();
            for (PortRange range : allowed.ports(transport)) {
                boolean covered = range.to() - range.from() < 1024;
                for (int port = range.from(); covered && port <= range.to(); port++) {
                    covered = expected.test(new PortOf(transport, port));
                }
                if (!covered) {
                    ranges.add(range.toString());
                }
            }
            if (!ranges.isEmpty()) {
                parts.add(transport + " " + String.join(",", ranges));
            }
        }
        return String.join(",", parts);
    }

    /** The explanation of one flow of the connection, on its first allowed port, to show which rule lets it through. */
    private static String sample(Reachability reachability, Connection connection, String what) {
        Transport transport = Transport.TCP;
        int port = 0;
        for (Transport candidate : ConnectionSet.PORT_PROTOCOLS) {
            if (!connection.allowed().ports(candidate).isEmpty()) {
                transport = candidate;
                port = connection.allowed().ports(candidate).get(0).from();
                if (what.contains(candidate.toString())) {
                    break;
                }
            }
        }
        if (port == 0) {
            return "";
        }
        Flow flow = Flow.of(connection.source().probe(), connection.destination().probe(), transport, port);
        return "\n  " + reachability.decide(flow).explain().replace("\n", "\n  ");
    }

    /** The first and last address of an outside peer's range ({@code a.b.c.d-e.f.g.h}). */
    private static Optional<long[]> interval(Peer peer) {
        String[] bounds = peer.name().split("-", 2);
        if (bounds.length != 2) {
            return Optional.empty();
        }
        Optional<Long> first = Ipv4Intervals.address(bounds[0]);
        Optional<Long> last = Ipv4Intervals.address(bounds[1]);
        return first.isPresent() && last.isPresent() ? Optional.of(new long[] {first.get(), last.get()})
                : Optional.empty();
    }
}
