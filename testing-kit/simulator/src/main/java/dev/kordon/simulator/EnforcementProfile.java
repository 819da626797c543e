package dev.kordon.simulator;

import java.util.Locale;
import java.util.Objects;

/**
 * What enforces policy in the simulated cluster, and the choices the specs leave to implementations.
 *
 * @param cni                          the CNI: {@code generic} follows the upstream Kubernetes e2e behaviour
 * @param mesh                         the service mesh above it, if any
 * @param calicoApplicationLayerPolicy whether Calico HTTP rules are enforced (Istio + Dikastes); default false
 * @param ipBlockSelectsPods           whether ipBlock/CIDR peers match pod addresses; default: generic and calico
 *                                     true, cilium false
 */
public record EnforcementProfile(Cni cni, Mesh mesh, boolean calicoApplicationLayerPolicy, boolean ipBlockSelectsPods) {

    /** The CNI that enforces L3/L4 policy. */
    public enum Cni {
        GENERIC,
        CALICO,
        CILIUM;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The mesh that enforces L7 policy at the destination. */
    public enum Mesh {
        NONE,
        ISTIO;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public EnforcementProfile {
        Objects.requireNonNull(cni, "cni");
        Objects.requireNonNull(mesh, "mesh");
    }

    /** The defaults for a CNI and mesh. */
    public static EnforcementProfile of(Cni cni, Mesh mesh) {
        return new EnforcementProfile(cni, mesh, false, cni != Cni.CILIUM);
    }

    /** The upstream Kubernetes behaviour, without a mesh. */
    public static EnforcementProfile generic() {
        return of(Cni.GENERIC, Mesh.NONE);
    }

    @Override
    public String toString() {
        return "cni=" + cni + ", mesh=" + mesh + ", calicoApplicationLayerPolicy=" + calicoApplicationLayerPolicy
                + ", ipBlockSelectsPods=" + ipBlockSelectsPods;
    }
}
