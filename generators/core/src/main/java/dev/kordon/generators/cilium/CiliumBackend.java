package dev.kordon.generators.cilium;

import dev.kordon.generators.Backend;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import java.util.List;

/** Cilium cilium.io/v2. Not implemented yet: it refuses every intent, so nothing is generated for it. */
public final class CiliumBackend implements Backend {

    @Override
    public String id() {
        return "cilium";
    }

    @Override
    public Capabilities capabilities(Role role) {
        return Capabilities.builder()
                .otherwise(Support.unsupported("the cilium backend is not implemented yet", "choose another target"))
                .build();
    }

    @Override
    public List<Resource> render(RenderRequest request) {
        return List.of();
    }
}
