package dev.kordon.generators.istio;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Backend;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Istio {@code security.istio.io/v1} AuthorizationPolicy: the mesh layer ({@link Role#MESH}) of every
 * {@code <cni>+istio} target. The CNI layer enforces L3/L4 of every intent at both sides; this layer enforces
 * identity, HTTP rules and request conditions at the destination's proxy, and a flow passes only if both allow it
 * (backends.md §0.1, §5).
 *
 * <p>What it writes, one policy per intent and destination workload:
 * <ul>
 * <li>an {@code ALLOW} policy for <em>every</em> application-tier allow enforced at ingress, with or without HTTP: any
 * ALLOW policy makes its workload default deny at the mesh, so an L4-only allow that had no policy there would be
 * denied as soon as another intent (of any policy set) puts an HTTP allow on the same workload;</li>
 * <li>an allow-nothing policy (a spec with only a selector) for isolation at ingress;</li>
 * <li>a {@code DENY} policy for an application or admin deny with HTTP rules or conditions, always scoped to its TCP
 * ports, since Istio applies a DENY's HTTP fields on a plain TCP port by denying the whole port; an admin deny of pods
 * in every namespace goes to the mesh root namespace;</li>
 * <li>an {@code AUDIT} policy for an audit with HTTP rules or conditions (it records only where the mesh has an audit
 * provider configured);</li>
 * <li>nothing for the rest, which is the CNI layer's: egress sides, L4-only denies, audits and guardrails, UDP and
 * SCTP (the mesh does not intercept them), DNS names.</li>
 * </ul>
 * An admin allow at ingress is refused (an Istio ALLOW cannot admit traffic without making its workload default deny),
 * and so are a baseline allow, deny or pass and an admin pass with HTTP rules or conditions (an Istio policy has no
 * tier), and an admin deny with HTTP rules that an earlier admin allow or pass of the set overlaps. HTTP rules and
 * conditions at an egress side are refused unless the intent accepts {@code Downgrade.L4_ONLY}, except for a deny or
 * audit whose destinations are all pods, which its policy at the destinations covers. Dry run is the annotation
 * {@code istio.io/dry-run: "true"} on every policy of the set.
 *
 * <p>Sources. The mesh sees a caller's mTLS identity, its namespace or its address, never its pod labels. A service
 * account is its principal {@code <trustDomain>/ns/<namespace>/sa/<name>} (without {@code spiffe://}); a workload is
 * the principal of its declared service account, exact only if no other declared workload of the set runs as that
 * account; a workload without an account, or pods selected by labels, is its namespace; pods of every namespace are
 * any principal ({@code "*"}); a CIDR is {@code ipBlocks}/{@code notIpBlocks}; nodes, the API server and the world
 * leave the source open. Where the mesh matches wider than declared, the CNI layer still admits exactly the declared
 * peers at L4, so the wider match only matters for a peer that the CNI layer admits to the same destination and port
 * for another intent: that peer would also get this intent's requests. {@code SourceWidening} therefore refuses a
 * wider source of an allow when another application allow at ingress of the same set may share a destination and a
 * TCP port, has a source this intent does not name that the wider match may reach (same namespace, though a shared
 * principal never reaches a peer declared with another account; anywhere for open, non-pod and cluster-wide
 * matches), and does not already admit every request this intent admits (it has no HTTP rules
 * and no conditions, or exactly the same ones); a wider source of a deny is refused under the same overlap, since it
 * would stop requests the other allow admits. Intents of other policy sets are not seen.
 *
 * <p>Assumptions, as for any Istio policy: destinations have a proxy (sidecar), mTLS is STRICT so that identities are
 * present, a RequestAuthentication validates the JWTs that conditions look at, and the intents' HTTP ports are served
 * as HTTP by Istio.
 */
public final class IstioBackend implements Backend {

    /** The backend as {@code Targets} registers it; the run's {@link GeneratorOptions} give root namespace and trust domain. */
    public IstioBackend() {
    }

    @Override
    public String id() {
        return "istio";
    }

    @Override
    public Capabilities capabilities(Role role) {
        return IstioCapabilities.of(role);
    }

    @Override
    public List<Finding> inspect(PolicySet set, Intent intent, Role role, GeneratorOptions options) {
        if (role != Role.MESH) {
            return List.of();
        }
        return new MeshInspector(set, options.meshRootNamespace(), options.trustDomain()).inspect(intent);
    }

    @Override
    public List<Resource> render(RenderRequest request) {
        if (request.role() != Role.MESH) {
            throw new IllegalStateException("istio renders only as the mesh layer of a +istio target, not as "
                    + request.role());
        }
        AuthorizationPolicyWriter writer = new AuthorizationPolicyWriter(request.set(), request.options());
        List<Resource> resources = new ArrayList<>();
        for (Intent intent : request.intents()) {
            if (intent instanceof Isolation) {
                if (((Isolation) intent).directions().contains(Direction.INGRESS)) {
                    resources.addAll(writer.isolation((Isolation) intent));
                }
                continue;
            }
            Connection connection = (Connection) intent;
            Optional<MeshAction> action = MeshAction.of(connection);
            action.ifPresent(value -> resources.addAll(writer.connection(connection, value)));
        }
        return AuthorizationPolicyWriter.sorted(resources);
    }
}
