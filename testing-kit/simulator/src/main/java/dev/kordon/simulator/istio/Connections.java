package dev.kordon.simulator.istio;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.cluster.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which connection reaches the destination's proxy: the client's proxy (if the source has one) originates Istio
 * mTLS, plaintext or its own TLS as its DestinationRules say, and the destination's PeerAuthentication mode accepts
 * or rejects it (STRICT refuses all but Istio mTLS; DISABLE does not terminate mTLS). A source outside the mesh
 * (an address, a node, a pod without sidecar) sends plaintext. Every possible combination is returned.
 */
final class Connections {

    private static final String TIER = "mTLS";

    private final Sidecars sidecars;
    private final PeerAuthentications peers;
    private final ClientTlsResolver clients;

    Connections(Sidecars sidecars, PeerAuthentications peers, ClientTlsResolver clients) {
        this.sidecars = sidecars;
        this.peers = peers;
        this.clients = clients;
    }

    List<Connection> of(Endpoint source, Pod destination, int port) {
        List<Connection> connections = new ArrayList<>();
        List<PeerAuthentications.Resolution> modes = sidecars.gateway(destination)
                ? List.of(new PeerAuthentications.Resolution(MtlsMode.PERMISSIVE, "a gateway: PeerAuthentication does"
                        + " not configure its listeners"))
                : peers.resolve(destination, port);
        for (PeerAuthentications.Resolution mode : modes) {
            for (Sent sent : sent(source, destination, mode.mode())) {
                connections.add(receive(sent, destination, port, mode));
            }
        }
        return connections;
    }

    /** What the client sends, and why. */
    private record Sent(Connection.Security security, String peer, String because) {
    }

    private List<Sent> sent(Endpoint source, Pod destination, MtlsMode mode) {
        Optional<String> outside = outside(source);
        if (outside.isPresent()) {
            return List.of(new Sent(Connection.Security.PLAINTEXT, "", outside.get() + ": it sends plaintext"));
        }
        Pod client = ((Endpoint.OfPod) source).pod();
        String principal = Sidecars.principal(client);
        Map<Connection.Security, List<String>> reasons = new LinkedHashMap<>();
        for (ClientTlsResolver.Candidate candidate : clients.candidates(client, destination)) {
            Connection.Security security = switch (candidate.tls()) {
                case AUTO -> mode == MtlsMode.DISABLE ? Connection.Security.PLAINTEXT : Connection.Security.MTLS;
                case ISTIO_MUTUAL -> Connection.Security.MTLS;
                case DISABLE -> Connection.Security.PLAINTEXT;
                case SIMPLE, MUTUAL -> Connection.Security.CLIENT_TLS;
            };
            reasons.computeIfAbsent(security, key -> new ArrayList<>()).add(candidate.because()
                    + (candidate.tls() == ClientTls.AUTO && security == Connection.Security.PLAINTEXT
                            ? " (plaintext to a DISABLE port)" : ""));
        }
        List<Sent> sent = new ArrayList<>();
        reasons.forEach((security, because) -> {
            String what = switch (security) {
                case MTLS -> "Istio mTLS as " + principal;
                case PLAINTEXT -> "plaintext";
                case CLIENT_TLS -> "TLS with its own certificates, no mesh identity";
            };
            sent.add(new Sent(security, security == Connection.Security.MTLS ? principal : "",
                    client.id() + "'s sidecar sends " + what + ": " + String.join("; ", because)));
        });
        return sent;
    }

    private Optional<String> outside(Endpoint source) {
        if (source instanceof Endpoint.OfPod pod) {
            return sidecars.whyNone(pod.pod()).map(why -> "the source has no sidecar (" + why + ")");
        }
        return Optional.of("the source " + source + " is outside the mesh");
    }

    private static Connection receive(Sent sent, Pod destination, int port, PeerAuthentications.Resolution mode) {
        List<Step> steps = new ArrayList<>();
        steps.add(Steps.of(TIER, "sent", sent.because()));
        String accepts = destination.id() + " port " + port + " is " + mode.mode() + " (" + mode.because() + ")";
        if (mode.mode() == MtlsMode.STRICT && sent.security() != Connection.Security.MTLS) {
            steps.add(Steps.of(TIER, "deny", accepts + ": it accepts Istio mTLS only, so it rejects this connection"));
            return new Connection(sent.security(), "", true, steps);
        }
        if (mode.mode() == MtlsMode.DISABLE && sent.security() == Connection.Security.MTLS) {
            steps.add(Steps.of(TIER, "deny", accepts + ": its sidecar does not terminate mTLS, so the application"
                    + " receives TLS it cannot read and the connection fails"));
            return new Connection(sent.security(), "", true, steps);
        }
        String peer = sent.security() == Connection.Security.MTLS ? "peer identity " + sent.peer()
                : "no peer identity";
        steps.add(Steps.of(TIER, "accept", accepts + ": accepted with " + peer));
        return new Connection(sent.security(), sent.peer(), false, steps);
    }
}
