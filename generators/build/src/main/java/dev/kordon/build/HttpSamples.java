package dev.kordon.build;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.analysis.Connectivity;
import dev.kordon.simulator.analysis.Peer;
import dev.kordon.simulator.reference.ProbeGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HTTP part of a reachability baseline. The connectivity matrix probes plain connections, so a port that an L7
 * rule or the mesh opens only for some requests is absent from it; these lines record, for every pair of workloads
 * and every TCP port an intent with HTTP rules names, which sample requests get through where the plain connection
 * does not: a request matching each rule of those intents, and one matching none. A change of the HTTP rules then
 * changes the lines.
 */
final class HttpSamples {

    private HttpSamples() {
    }

    /** {@code source => destination : TCP port METHOD host/path}, sorted; empty when no intent has HTTP rules. */
    static List<String> lines(Simulator simulator, Connectivity connectivity, List<PolicySet> sets) {
        Map<Integer, Map<String, HttpRequest>> requests = new TreeMap<>();
        for (PolicySet set : sets) {
            for (Connection connection : set.connections()) {
                List<HttpRequest> samples = ProbeGrid.sampleRequests(connection);
                if (samples.isEmpty()) {
                    continue;
                }
                for (PortMatch port : connection.ports()) {
                    if (port instanceof PortNumber && ((PortNumber) port).protocol().name().equals("TCP")) {
                        Map<String, HttpRequest> onPort = requests.computeIfAbsent(((PortNumber) port).port(),
                                key -> new TreeMap<>());
                        samples.forEach(request -> onPort.put(describe(request), request));
                    }
                }
            }
        }
        TreeSet<String> lines = new TreeSet<>();
        List<Peer> workloads = new ArrayList<>(connectivity.peers().stream().filter(peer -> !peer.isExternal()).toList());
        for (Peer source : workloads) {
            for (Peer destination : workloads) {
                if (source == destination) {
                    continue;
                }
                requests.forEach((port, onPort) -> {
                    Flow plain = Flow.of(source.probe(), destination.probe(), Transport.TCP, port);
                    if (simulator.decide(plain).allowed()) {
                        return;
                    }
                    onPort.forEach((text, request) -> {
                        if (simulator.decide(plain.withHttp(request)).allowed()) {
                            lines.add(source + " => " + destination + " : TCP " + port + " " + text);
                        }
                    });
                });
            }
        }
        return List.copyOf(lines);
    }

    /** {@code GET /api/x}, {@code GET api.example.com/api/x} with a host, then {@code {name=value}} headers. */
    private static String describe(HttpRequest request) {
        StringBuilder headers = new StringBuilder();
        request.headers().forEach((name, value) -> headers.append(headers.length() == 0 ? " {" : ",").append(name)
                .append('=').append(value.replace(' ', '_')));
        return request.method() + " " + request.host() + request.path() + (headers.length() == 0 ? "" : headers + "}");
    }

    /** Whether a baseline line's connection text is an HTTP sample ({@code TCP 8080 GET /api/x}). */
    static boolean isSample(String connections) {
        return connections.matches("TCP \\d+ [A-Z]+ \\S+( \\{\\S*})?");
    }
}
