package dev.kordon.generators.calico;

import dev.kordon.generators.Backend;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import java.util.List;

/** Calico projectcalico.org/v3. Not implemented yet: it refuses every intent, so nothing is generated for it. */
public final class CalicoBackend implements Backend {

    @Override
    public String id() {
        return "calico";
    }

    @Override
    public Capabilities capabilities(Role role) {
        return Capabilities.builder()
                .otherwise(Support.unsupported("the calico backend is not implemented yet", "choose another target"))
                .build();
    }

    @Override
    public List<Resource> render(RenderRequest request) {
        return List.of();
    }
}
