package dev.kordon.simulator.istio;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.engine.MeshEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Istio in sidecar mode, deciding at the destination's proxy: which connection reaches it (PeerAuthentication,
 * DestinationRule TLS), what the request carries (normalization, RequestAuthentication), and what the
 * AuthorizationPolicies that apply to the workload say.
 */
final class IstioEngine implements MeshEngine {

    /** MeshConfig's default root namespace: its policies apply to every namespace. */
    static final String ROOT_NAMESPACE = "istio-system";

    private final Sidecars sidecars;
    private final Connections connections;
    private final List<AuthzPolicy> policies;
    private final List<RequestAuthn> authentications;
    private final HttpRequests requests = new HttpRequests();
    private final Authorizer authorizer = new Authorizer();

    IstioEngine(Sidecars sidecars, Connections connections, List<AuthzPolicy> policies,
            List<RequestAuthn> authentications) {
        this.sidecars = sidecars;
        this.connections = connections;
        this.policies = List.copyOf(policies);
        this.authentications = List.copyOf(authentications);
    }

    @Override
    public Decision authorize(Flow flow) {
        // 1. Only a pod with a sidecar has a proxy that decides.
        if (!(flow.destination() instanceof Endpoint.OfPod target)) {
            return notEnforced("the destination " + flow.destination() + " is not a pod: no sidecar decides");
        }
        Pod pod = target.pod();
        Optional<String> noSidecar = sidecars.whyNone(pod);
        if (noSidecar.isPresent()) {
            return notEnforced(noSidecar.get() + ": no sidecar decides");
        }
        // 2. The sidecar intercepts TCP only.
        if (flow.transport() != Transport.TCP) {
            return notEnforced("the sidecar of " + pod.id() + " intercepts TCP only, not " + flow.transport());
        }
        // 3. mTLS: the connection the proxy receives, with its peer identity, or its rejection.
        List<Connection> possible = connections.of(flow.source(), pod, flow.port());
        // 4.-5. The HTTP request and its JWT, then the AuthorizationPolicies: once per distinct connection.
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (Connection connection : possible) {
            decisions.computeIfAbsent(connection.key(), key -> decide(connection, flow, pod));
        }
        return Alternatives.combine(possible, decisions);
    }

    private Decision decide(Connection connection, Flow flow, Pod pod) {
        List<Step> steps = new ArrayList<>(connection.steps());
        if (connection.rejected()) {
            return new Decision(Decision.Outcome.DENY, steps);
        }
        Optional<HttpFacts> http = Optional.empty();
        if (flow.http().isPresent() && connection.security() == Connection.Security.CLIENT_TLS) {
            steps.add(Steps.of("HTTP", "tcp", "the client's own TLS hides the HTTP request from " + pod.id()
                    + "'s sidecar: it authorizes a TCP connection"));
        } else if (flow.http().isPresent()) {
            HttpRequests.Prepared prepared = requests.prepare(flow.http().get(), authentications(pod), pod.id());
            steps.addAll(prepared.steps());
            if (prepared.rejected()) {
                return new Decision(Decision.Outcome.DENY, steps);
            }
            http = prepared.http();
        }
        RequestFacts facts = new RequestFacts(connection.peerIdentity(), flow.source().ip(), pod.ip(), flow.port(),
                connection.security() != Connection.Security.PLAINTEXT, http);
        Decision authorization = authorizer.decide(policies(pod), facts, pod.id());
        steps.addAll(authorization.steps());
        return new Decision(authorization.outcome(), steps);
    }

    /** The AuthorizationPolicies that apply to the pod, in a stable order. */
    private List<AuthzPolicy> policies(Pod pod) {
        return policies.stream().filter(p -> p.scope().applies(p.namespace(), pod, ROOT_NAMESPACE)).toList();
    }

    /** The RequestAuthentications that apply to the pod. */
    private List<RequestAuthn> authentications(Pod pod) {
        return authentications.stream().filter(a -> a.scope().applies(a.namespace(), pod, ROOT_NAMESPACE)).toList();
    }

    private static Decision notEnforced(String reason) {
        return new Decision(Decision.Outcome.NOT_ENFORCED, List.of(Steps.of("", "not enforced", reason)));
    }
}
