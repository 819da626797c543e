package dev.kordon.simulator;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What enforces policy in the simulated cluster, and the choices the specs leave to implementations.
 *
 * @param cni                          the CNI: {@code generic} follows the upstream Kubernetes e2e behaviour
 * @param mesh                         the service mesh above it, if any
 * @param calicoApplicationLayerPolicy whether Calico HTTP rules are enforced (Istio + Dikastes); default false
 * @param ipBlockSelectsPods           whether ipBlock/CIDR peers match pod addresses; default: generic and calico
 *                                     true, cilium false
 * @param ciliumPolicyEnforcement      Cilium's agent-wide enforcement mode ({@code enable-policy}); default
 *                                     {@code default}
 * @param calicoHttpPrefixes           how Calico's Dikastes matches an HTTP {@code prefix} path, which changed in
 *                                     v3.31.7; default {@code segments}, the current behaviour
 */
public record EnforcementProfile(Cni cni, Mesh mesh, boolean calicoApplicationLayerPolicy, boolean ipBlockSelectsPods,
        CiliumEnforcement ciliumPolicyEnforcement, CalicoPrefixMatching calicoHttpPrefixes) {

    /** How Calico matches an HTTP {@code prefix} path (Application Layer Policy). */
    public enum CalicoPrefixMatching {
        /**
         * Calico v3.31.7+ and v3.32+: both paths normalised (query and fragment stripped, decoded once, cleaned), and
         * a prefix matches on path-segment boundaries only ({@code /pub} matches {@code /pub/x}, not {@code /public}).
         */
        SEGMENTS,
        /**
         * Calico up to v3.31.6 and v3.30: query and fragment stripped, no normalisation, and a prefix is a plain string
         * prefix ({@code /pub} also matches {@code /public}).
         */
        RAW;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A profile with the current Calico HTTP prefix matching. */
    public EnforcementProfile(Cni cni, Mesh mesh, boolean calicoApplicationLayerPolicy, boolean ipBlockSelectsPods,
            CiliumEnforcement ciliumPolicyEnforcement) {
        this(cni, mesh, calicoApplicationLayerPolicy, ipBlockSelectsPods, ciliumPolicyEnforcement,
                CalicoPrefixMatching.SEGMENTS);
    }

    /** Cilium's {@code enable-policy}: when endpoints are in default deny. */
    public enum CiliumEnforcement {
        /** Default deny for an endpoint that a rule with a section for the direction selects. */
        DEFAULT,
        /** Default deny for every endpoint, selected or not. */
        ALWAYS,
        /** No policy is enforced at all. */
        NEVER;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A profile with Cilium's default enforcement mode. */
    public EnforcementProfile(Cni cni, Mesh mesh, boolean calicoApplicationLayerPolicy, boolean ipBlockSelectsPods) {
        this(cni, mesh, calicoApplicationLayerPolicy, ipBlockSelectsPods, CiliumEnforcement.DEFAULT);
    }

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
        Objects.requireNonNull(ciliumPolicyEnforcement, "ciliumPolicyEnforcement");
        Objects.requireNonNull(calicoHttpPrefixes, "calicoHttpPrefixes");
    }

    /** The defaults for a CNI and mesh. */
    public static EnforcementProfile of(Cni cni, Mesh mesh) {
        return new EnforcementProfile(cni, mesh, false, cni != Cni.CILIUM);
    }

    /** The upstream Kubernetes behaviour, without a mesh. */
    public static EnforcementProfile generic() {
        return of(Cni.GENERIC, Mesh.NONE);
    }

    /**
     * The profile a Kordon generator target's manifests are written for: {@code calico…} targets run on Calico,
     * {@code cilium…} on Cilium, the others ({@code kubernetes}, {@code kubernetes+cnp}, {@code kubernetes+anp}) on
     * the generic CNI; a {@code +istio} suffix adds the Istio mesh. Defaults otherwise, as {@link #of}.
     */
    public static EnforcementProfile forTarget(String targetId) {
        Cni cni = targetId.startsWith("calico") ? Cni.CALICO : targetId.startsWith("cilium") ? Cni.CILIUM
                : Cni.GENERIC;
        return of(cni, targetId.endsWith("+istio") ? Mesh.ISTIO : Mesh.NONE);
    }

    /**
     * The profile named {@code generic}, {@code calico} or {@code cilium}, optionally followed by {@code +istio}
     * (case-insensitive), with the defaults of {@link #of}; empty for any other name.
     */
    public static Optional<EnforcementProfile> named(String name) {
        String[] parts = name.toLowerCase(Locale.ROOT).split("\\+", 2);
        if (parts.length == 2 && !parts[1].equals("istio")) {
            return Optional.empty();
        }
        Mesh mesh = parts.length == 2 ? Mesh.ISTIO : Mesh.NONE;
        for (Cni cni : Cni.values()) {
            if (cni.toString().equals(parts[0])) {
                return Optional.of(of(cni, mesh));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "cni=" + cni + ", mesh=" + mesh + ", calicoApplicationLayerPolicy=" + calicoApplicationLayerPolicy
                + ", ipBlockSelectsPods=" + ipBlockSelectsPods + ", ciliumPolicyEnforcement=" + ciliumPolicyEnforcement
                + ", calicoHttpPrefixes=" + calicoHttpPrefixes;
    }
}
