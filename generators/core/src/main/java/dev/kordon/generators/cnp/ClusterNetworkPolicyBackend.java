package dev.kordon.generators.cnp;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Backend;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * ClusterNetworkPolicy ({@code policy.networking.k8s.io/v1alpha2}, standard channel): the guardrail layer of
 * {@code kubernetes+cnp}. Each guardrail becomes one policy per subject selection, in the intent's tier and at its
 * priority, with one rule named after the intent. The API has no implicit isolation, so, as in the intent model,
 * guardrails never isolate.
 */
public final class ClusterNetworkPolicyBackend implements Backend {

    /** The most rules, peers per rule and protocols per rule the API allows. */
    static final int LIMIT = 25;

    private final GuardrailInspector inspector = new GuardrailInspector("ClusterNetworkPolicy", LIMIT, LIMIT, true);

    @Override
    public String id() {
        return "cnp";
    }

    @Override
    public Capabilities capabilities(Role role) {
        return ClusterNetworkPolicyCapabilities.of(role);
    }

    @Override
    public List<Finding> inspect(PolicySet set, Intent intent, Role role, GeneratorOptions options) {
        return inspector.inspect(set, intent, role);
    }

    @Override
    public List<Resource> render(RenderRequest request) {
        ClusterNetworkPolicyWriter writer = new ClusterNetworkPolicyWriter(request.set());
        List<Resource> resources = new ArrayList<>();
        for (Intent intent : request.intents()) {
            GuardrailInspector.requireGuardrail(intent, "ClusterNetworkPolicy");
            if (GuardrailInspector.rendered(intent, request.role())) {
                resources.addAll(writer.guardrail((Connection) intent));
            }
        }
        return resources;
    }
}
