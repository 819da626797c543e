package dev.kordon.generators.kubernetes;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.generators.Backend;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.Feature;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import dev.kordon.generators.manifest.Subjects;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Kubernetes {@code networking.k8s.io/v1} NetworkPolicy: one policy per intent, side and subject unit, with explicit
 * {@code policyTypes}, so that the API server's defaulting never isolates a direction the intent did not name.
 */
public final class NetworkPolicyBackend implements Backend {

    @Override
    public String id() {
        return "kubernetes";
    }

    @Override
    public Capabilities capabilities(Role role) {
        return NetworkPolicyCapabilities.of(role);
    }

    @Override
    public List<Finding> inspect(PolicySet set, Intent intent, Role role, GeneratorOptions options) {
        List<Peer> peers = intent instanceof Connection
                ? Stream.concat(((Connection) intent).sources().stream(), ((Connection) intent).destinations().stream())
                        .toList()
                : ((Isolation) intent).subjects();
        List<Finding> findings = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer instanceof ServiceAccountRef && Subjects.workloadsRunningAs(set, (ServiceAccountRef) peer).isEmpty()) {
                ServiceAccountRef account = (ServiceAccountRef) peer;
                findings.add(new Finding(Feature.PEER_SERVICE_ACCOUNT, Support.unsupported("no declared workload runs"
                        + " as service account " + account.namespace() + "/" + account.name() + ", so NetworkPolicy has"
                        + " no pod labels to match it by", "declare its workloads with .withServiceAccount(\""
                        + account.name() + "\") (in the intents or with workloads(...)), or use "
                        + (role == Role.TRANSPORT ? "calico or cilium under istio" : "calico, cilium or a +istio target"))));
            }
        }
        return findings;
    }

    @Override
    public List<Resource> render(RenderRequest request) {
        NetworkPolicyWriter writer = new NetworkPolicyWriter(request.set());
        List<Resource> resources = new ArrayList<>();
        for (Intent intent : request.intents()) {
            if (intent instanceof Isolation) {
                resources.addAll(writer.isolation((Isolation) intent));
                continue;
            }
            Connection connection = (Connection) intent;
            if (connection.action() != Action.ALLOW) {
                continue; // an audit whose downgrade was accepted; nothing else reaches this backend
            }
            for (Direction side : connection.effectiveSides()) {
                resources.addAll(writer.connection(connection, side));
            }
        }
        return resources;
    }
}
