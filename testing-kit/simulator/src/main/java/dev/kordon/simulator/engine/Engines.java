package dev.kordon.simulator.engine;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.calico.CalicoEngineFactory;
import dev.kordon.simulator.cilium.CiliumEngineFactory;
import dev.kordon.simulator.generic.GenericEngineFactory;
import dev.kordon.simulator.istio.IstioEngineFactory;

/** The registry of engines: one factory per CNI and per mesh. Adding a backend means adding its package and a line. */
public final class Engines {

    private Engines() {
    }

    /** The engine factory of a CNI. */
    public static EngineFactory<CniEngine> cni(EnforcementProfile.Cni cni) {
        return switch (cni) {
            case GENERIC -> new GenericEngineFactory();
            case CALICO -> new CalicoEngineFactory();
            case CILIUM -> new CiliumEngineFactory();
        };
    }

    /** The engine factory of a mesh; empty for none. */
    public static java.util.Optional<EngineFactory<MeshEngine>> mesh(EnforcementProfile.Mesh mesh) {
        return switch (mesh) {
            case NONE -> java.util.Optional.empty();
            case ISTIO -> java.util.Optional.of(new IstioEngineFactory());
        };
    }
}
