package dev.kordon.simulator.istio;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Namespace;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.engine.EngineFactory;
import dev.kordon.simulator.engine.MeshEngine;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The istio engine: Istio in sidecar mode. It reads AuthorizationPolicy, PeerAuthentication and
 * RequestAuthentication ({@code security.istio.io/v1}, {@code v1beta1}) and DestinationRule
 * ({@code networking.istio.io/v1}, {@code v1beta1}, {@code v1alpha3}), strictly, and decides at the destination's
 * sidecar. The root namespace is {@code istio-system} and the trust domain {@code cluster.local} (MeshConfig
 * defaults); ambient mode is not modelled.
 */
public final class IstioEngineFactory implements EngineFactory<MeshEngine> {

    private static final String SECURITY = "security.istio.io/";
    private static final String NETWORKING = "networking.istio.io/";

    @Override
    public Set<String> types() {
        return Set.of(SECURITY + "v1/AuthorizationPolicy", SECURITY + "v1beta1/AuthorizationPolicy",
                SECURITY + "v1/PeerAuthentication", SECURITY + "v1beta1/PeerAuthentication",
                SECURITY + "v1/RequestAuthentication", SECURITY + "v1beta1/RequestAuthentication",
                NETWORKING + "v1/DestinationRule", NETWORKING + "v1beta1/DestinationRule",
                NETWORKING + "v1alpha3/DestinationRule");
    }

    @Override
    public MeshEngine create(Cluster cluster, List<Manifest> manifests, EnforcementProfile profile, Problems problems) {
        List<AuthzPolicy> policies = new ArrayList<>();
        List<PeerAuthn> peers = new ArrayList<>();
        List<RequestAuthn> authentications = new ArrayList<>();
        List<DestinationRuleTls> rules = new ArrayList<>();
        for (Manifest manifest : manifests) {
            switch (manifest.kind()) {
                case "AuthorizationPolicy" -> new AuthorizationPolicyParser().parse(manifest, problems)
                        .ifPresent(policies::add);
                case "PeerAuthentication" -> peers.add(new PeerAuthenticationParser().parse(manifest, problems));
                case "RequestAuthentication" -> authentications.add(new RequestAuthenticationParser()
                        .parse(manifest, problems));
                case "DestinationRule" -> rules.add(new DestinationRuleParser().parse(manifest, problems));
                default -> problems.add(manifest, "", "is not read by the istio engine (" + manifest.type() + ")",
                        "remove it, or choose the profile that enforces it");
            }
        }
        ambient(cluster, problems);
        policies.sort(Comparator.comparing(AuthzPolicy::resource));
        authentications.sort(Comparator.comparing(RequestAuthn::resource));
        Sidecars sidecars = new Sidecars(cluster);
        Connections connections = new Connections(sidecars,
                new PeerAuthentications(peers, IstioEngine.ROOT_NAMESPACE),
                new ClientTlsResolver(rules, IstioEngine.ROOT_NAMESPACE));
        return new IstioEngine(sidecars, connections, policies, authentications);
    }

    /** Ambient mode (ztunnel and waypoints) is not modelled: a namespace or pod that uses it is a problem. */
    private static void ambient(Cluster cluster, Problems problems) {
        String label = "istio.io/dataplane-mode";
        for (Namespace namespace : cluster.namespaces()) {
            if ("ambient".equals(namespace.labels().get(label))) {
                problems.add("cluster", "namespace " + namespace.name(), "labels." + label, "puts the namespace in Istio's"
                        + " ambient mode, which the simulator does not model", "simulate sidecar mode, or remove"
                        + " the namespace's workloads from the case");
            }
        }
        for (Pod pod : cluster.pods()) {
            if ("ambient".equals(pod.labels().get(label))) {
                problems.add("cluster", "pod " + pod.id(), "labels." + label, "puts the pod in Istio's ambient mode,"
                        + " which the simulator does not model", "simulate sidecar mode");
            }
        }
    }
}
