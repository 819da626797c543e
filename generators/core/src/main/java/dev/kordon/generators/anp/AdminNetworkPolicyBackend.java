package dev.kordon.generators.anp;

import dev.kordon.generators.Backend;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import java.util.List;

/** AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1). Not implemented yet: it refuses every intent, so nothing is generated for it. */
public final class AdminNetworkPolicyBackend implements Backend {

    @Override
    public String id() {
        return "anp";
    }

    @Override
    public Capabilities capabilities(Role role) {
        return Capabilities.builder()
                .otherwise(Support.unsupported("the anp backend is not implemented yet", "choose another target"))
                .build();
    }

    @Override
    public List<Resource> render(RenderRequest request) {
        return List.of();
    }
}
